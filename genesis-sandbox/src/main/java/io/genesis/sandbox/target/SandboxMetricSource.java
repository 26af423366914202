package io.genesis.sandbox.target;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.WindowStats;
import io.genesis.sandbox.slot.SlotId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Error rate, availability and p95 latency of real proxied traffic, read from the sandbox's request
 * metrics over the window the engine asks for. A window with fewer counted requests than the minimum
 * (at least one) gives no readings: the analysis treats it as inconclusive, never as healthy.
 */
public final class SandboxMetricSource implements MetricSource {

    /** The metrics the proxy measures. */
    public static final Set<Metric> OFFERED = EnumSet.of(Metric.ERROR_RATE, Metric.AVAILABILITY, Metric.LATENCY_P95);

    private final String subject;
    private final Statistics statistics;
    private final Supplier<SlotId> newest;
    private final MetricScope scope;
    private final long minRequests;

    /** Reads request statistics between two instants: a sandbox's proxy, or its request metrics directly. */
    @FunctionalInterface
    public interface Statistics {
        /** Statistics of the requests between {@code from} and {@code to}, overall and per slot. */
        MetricsSnapshot between(Instant from, Instant to);
    }

    /**
     * @param subject what is measured, for {@link #describe()}, such as {@code shop in staging}
     * @param statistics where the statistics come from
     * @param newest the slot of the newest version (the candidate, or the stable version after promote)
     * @param scope which requests count
     * @param minRequests the fewest counted requests a window needs to give readings, at least 1
     */
    public SandboxMetricSource(
            String subject, Statistics statistics, Supplier<SlotId> newest, MetricScope scope, long minRequests) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.newest = Objects.requireNonNull(newest, "newest");
        this.scope = Objects.requireNonNull(scope, "scope");
        if (minRequests < 1) {
            throw new IllegalArgumentException(
                    "minRequests must be at least 1 (a window without requests has no data)," + " got " + minRequests);
        }
        this.minRequests = minRequests;
    }

    @Override
    public String describe() {
        return "sandbox proxy metrics of " + scope.label() + ", " + subject;
    }

    @Override
    public Set<Metric> metrics() {
        return EnumSet.copyOf(OFFERED);
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        WindowStats stats = scope.select(statistics.between(window.from(), window.to()), newest.get());
        if (stats.requestCount() < minRequests) {
            return MetricReadings.none(window);
        }
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        stats.errorRate().ifPresent(rate -> values.put(Metric.ERROR_RATE, rate.value()));
        stats.availability().ifPresent(share -> values.put(Metric.AVAILABILITY, share.value()));
        stats.p95Latency().ifPresent(p95 -> values.put(Metric.LATENCY_P95, p95.toNanos() / 1e6));
        return new MetricReadings(window, values);
    }
}
