package io.genesis.core.monitor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A measurement the monitor analyses. Each knows which direction is better, its unit and how
 * its values read, so thresholds and messages need no switch on the metric.
 */
public enum Metric {
    /** Share of requests answered with a server error, in percent. */
    ERROR_RATE("error rate", Direction.LOWER_IS_BETTER, Unit.PERCENT),
    /** 95th percentile of response time, in milliseconds. */
    LATENCY_P95("p95 latency", Direction.LOWER_IS_BETTER, Unit.MILLISECONDS),
    /** Share of requests or probes answered successfully, in percent. */
    AVAILABILITY("availability", Direction.HIGHER_IS_BETTER, Unit.PERCENT),
    /** Pass rate of tests run against the deployed version, in percent. */
    TEST_PASS_RATE("post-deploy test pass rate", Direction.HIGHER_IS_BETTER, Unit.PERCENT);

    private final String label;
    private final Direction direction;
    private final Unit unit;

    Metric(String label, Direction direction, Unit unit) {
        this.label = label;
        this.direction = direction;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public Direction direction() {
        return direction;
    }

    public Unit unit() {
        return unit;
    }

    /** {@code value} in this metric's unit: {@code 0.42 %}, {@code 312 ms}. */
    public String format(double value) {
        return unit.format(value);
    }

    /** Looks a metric up by name ({@code error_rate}, {@code error-rate}); an unknown name lists the known ones. */
    public static Metric named(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(m -> m.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + name + "'; known: "
                        + Arrays.stream(values())
                                .map(m -> m.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }
}
