package io.genesis.core.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A coverage counter as JaCoCo and Cobertura report it. */
public enum CoverageMetric {
    INSTRUCTION("instruction", "instructions"),
    BRANCH("branch", "branches"),
    LINE("line", "lines"),
    COMPLEXITY("complexity", "complexity paths"),
    METHOD("method", "methods"),
    CLASS("class", "classes");

    private final String label;
    private final String unit;

    CoverageMetric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The lower-case name people write in configuration and read in verdicts. */
    public String label() {
        return label;
    }

    /** What one unit of this counter is, in the plural: {@code 69 of 82 lines covered}. */
    public String unit() {
        return unit;
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
