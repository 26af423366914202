package io.genesis.kubernetes.adapter;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Kubernetes layouts a target can drive, named as in the {@code strategy} setting. */
public enum StrategyKind {
    BLUE_GREEN("blueGreen"),
    CANARY("canary"),
    ROLLING("rolling");

    private final String label;

    StrategyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind {@code label} names; an unknown one fails with the known labels. */
    public static StrategyKind of(String label) {
        return Arrays.stream(values())
                .filter(k -> k.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy '" + label + "' is not known; known: "
                        + Arrays.stream(values()).map(StrategyKind::label).collect(Collectors.joining(", "))));
    }
}
