package io.genesis.core.monitor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a metric source measured over a window. A metric without a value had no data (no
 * traffic, a failed query): the analysis treats it as inconclusive, never as healthy.
 *
 * @param window the span measured
 * @param values the measured values; a metric that is absent had no data
 */
public record MetricReadings(MetricWindow window, Map<Metric, Double> values) {

    public MetricReadings {
        Objects.requireNonNull(window, "window");
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        Objects.requireNonNull(values, "values").forEach((metric, value) -> {
            if (value != null) {
                copy.put(metric, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** Nothing measured at all. */
    public static MetricReadings none(MetricWindow window) {
        return new MetricReadings(window, Map.of());
    }

    public OptionalDouble value(Metric metric) {
        Double value = values.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
