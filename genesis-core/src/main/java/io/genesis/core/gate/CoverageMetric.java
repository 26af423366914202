package io.genesis.core.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A coverage counter as JaCoCo and Cobertura report it. */
public enum CoverageMetric {
    INSTRUCTION("instruction"),
    BRANCH("branch"),
    LINE("line"),
    COMPLEXITY("complexity"),
    METHOD("method"),
    CLASS("class");

    private final String label;

    CoverageMetric(String label) {
        this.label = label;
    }

    /** The lower-case name people write in configuration and read in verdicts. */
    public String label() {
        return label;
    }

    /** Looks a metric up by name, case-insensitively; an unknown name fails with the known ones. */
    public static CoverageMetric named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown coverage metric '" + name + "'; known: "
                        + Arrays.stream(values()).map(CoverageMetric::label).collect(Collectors.joining(", "))));
    }
}
