package io.genesis.sandbox.load;

import io.genesis.sandbox.metrics.LatencyDistribution;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load run saw from the client side.
 *
 * @param sent requests started
 * @param statusCounts answers by HTTP status
 * @param failures requests that got no answer (refused, reset, timed out)
 * @param byHeader answers by the value of the plan's counted header ("(none)" when absent)
 * @param latency client-side latency of answered requests
 * @param elapsed wall time of the run
 */
public record LoadReport(
        long sent,
        Map<Integer, Long> statusCounts,
        long failures,
        Map<String, Long> byHeader,
        LatencyDistribution latency,
        Duration elapsed) {

    public LoadReport {
        statusCounts = Collections.unmodifiableMap(new TreeMap<>(statusCounts));
        byHeader = Collections.unmodifiableMap(new TreeMap<>(byHeader));
    }

    /** Requests that got an answer. */
    public long answered() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers with a status below 500. */
    public long successes() {
        return statusCounts.entrySet().stream()
                .filter(entry -> entry.getKey() < 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Answers with {@code status}. */
    public long count(int status) {
        return statusCounts.getOrDefault(status, 0L);
    }

    /** Answers whose counted header had {@code value}. */
    public long countWithHeader(String value) {
        return byHeader.getOrDefault(value, 0L);
    }

    /** Requests per second over the run. */
    public double throughput() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : sent / seconds;
    }
}
