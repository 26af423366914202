package io.genesis.core.monitor;

import java.util.OptionalDouble;

/**
 * The bounds one metric is held to, read in the metric's direction: a value worse than
 * {@code warning} is a warning, worse than {@code critical} is critical, worse than
 * {@code rollback} rolls back at once.
 *
 * @param warning the warning bound
 * @param critical the critical bound, at least as severe as the warning bound
 * @param rollback the automatic-rollback bound, or {@code null} when only consecutive critical
 *     samples roll back
 */
public record MetricThresholds(double warning, double critical, Double rollback) {

    public MetricThresholds {
        requireNumber("warning", warning);
        requireNumber("critical", critical);
        if (rollback != null) {
            requireNumber("rollback", rollback);
        }
    }

    public static MetricThresholds of(double warning, double critical) {
        return new MetricThresholds(warning, critical, null);
    }

    public static MetricThresholds of(double warning, double critical, double rollback) {
        return new MetricThresholds(warning, critical, rollback);
    }

    /** The automatic-rollback bound, if there is one. */
    public OptionalDouble automaticRollback() {
        return rollback == null ? OptionalDouble.empty() : OptionalDouble.of(rollback);
    }

    private static void requireNumber(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " threshold must be a finite number, got " + value);
        }
    }
}
