package io.genesis.core.gate;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of criteria a gate checks, each with the key that names it in configuration (for
 * example in an environment's {@code criticality} map).
 */
public enum CriterionKind {
    /** The reports could all be found and read. An input problem: always {@link Criticality#ERROR}. */
    REPORTS("reports", false),
    /** There are tests, and some ran. An input problem: always {@link Criticality#ERROR}. */
    TESTS("tests", false),
    /** The pass rate reaches the bar. */
    PASS_RATE("passRate", true),
    /** Each gated coverage metric reaches its bar. */
    COVERAGE("coverage", true),
    /** Coverage did not drop more than allowed below the baseline. */
    COVERAGE_DROP("coverageDrop", true),
    /** Every required-test selector selected tests, and they all passed. */
    REQUIRED("required", true),
    /** Security findings stay within the environment's bounds per severity, and for secrets. */
    FINDINGS("findings", true),
    /** No benchmark is worse than its baseline by more than the threshold, beyond the noise. */
    BENCHMARKS("benchmarks", true);

    private final String key;
    private final boolean configurable;

    CriterionKind(String key, boolean configurable) {
        this.key = key;
        this.configurable = configurable;
    }

    /** The name used in configuration files and in criterion names. */
    public String key() {
        return key;
    }

    /**
     * Whether an environment or a request may give this kind a criticality. Input problems may not:
     * missing data never passes, so they are always {@link Criticality#ERROR}.
     */
    public boolean configurable() {
        return configurable;
    }

    /**
     * The kind named {@code key}, exactly as configuration spells it.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static CriterionKind parse(String key) {
        for (CriterionKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown gate criterion '" + key + "'; known criteria: " + known());
    }

    private static String known() {
        return Arrays.stream(values()).map(CriterionKind::key).collect(Collectors.joining(", "));
    }
}
