package io.genesis.core.rollout.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The strategies people can ask for by name. */
public enum StrategyName {
    BLUE_GREEN("blueGreen"),
    ROLLING("rolling"),
    CANARY("canary"),
    CUSTOM("custom");

    private final String label;

    StrategyName(String label) {
        this.label = label;
    }

    /** The name as written in pipelines and configuration: {@code blueGreen}. */
    public String label() {
        return label;
    }

    /**
     * Looks a strategy up by name, ignoring case, {@code -} and {@code _} ({@code blue-green} is
     * {@code blueGreen}); an unknown name fails with the known ones.
     */
    public static StrategyName named(String name) {
        String wanted = normalise(name);
        return Arrays.stream(values())
                .filter(s -> normalise(s.label).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name + "'; known: "
                        + Arrays.stream(values()).map(StrategyName::label).collect(Collectors.joining(", "))));
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
