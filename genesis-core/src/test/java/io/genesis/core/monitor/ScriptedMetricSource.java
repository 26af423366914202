package io.genesis.core.monitor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A metric source for engine tests: answers from a script (a function of the window), healthy
 * by default, and records each window it was asked about. Faults can be injected by throwing
 * from the script.
 */
public final class ScriptedMetricSource implements MetricSource {

    /** Values well inside every default threshold. */
    public static final Map<Metric, Double> HEALTHY = Map.of(
            Metric.ERROR_RATE, 0.01,
            Metric.LATENCY_P95, 120.0,
            Metric.AVAILABILITY, 99.99);

    private final Set<Metric> offered;
    private volatile Function<MetricWindow, Map<Metric, Double>> script;
    private final List<MetricWindow> windows = new ArrayList<>();

    public ScriptedMetricSource() {
        this(EnumSet.of(Metric.ERROR_RATE, Metric.LATENCY_P95, Metric.AVAILABILITY));
    }

    public ScriptedMetricSource(Set<Metric> offered) {
        this.offered = EnumSet.copyOf(offered);
        this.script = window -> HEALTHY;
    }

    /** From now on, answer with {@code next}. */
    public ScriptedMetricSource script(Function<MetricWindow, Map<Metric, Double>> next) {
        this.script = next;
        return this;
    }

    @Override
    public String describe() {
        return "scripted metrics";
    }

    @Override
    public Set<Metric> metrics() {
        return EnumSet.copyOf(offered);
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        synchronized (windows) {
            windows.add(window);
        }
        return new MetricReadings(window, script.apply(window));
    }

    public List<MetricWindow> windows() {
        synchronized (windows) {
            return List.copyOf(windows);
        }
    }
}
