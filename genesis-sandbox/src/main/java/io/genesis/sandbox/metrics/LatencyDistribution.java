package io.genesis.sandbox.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * An immutable latency histogram read by percentile. Percentiles use the nearest-rank definition: the
 * p-th percentile of n latencies is the smallest one that at least {@code ceil(p / 100 * n)} latencies do
 * not exceed. Reported values are the top of the bucket holding that latency, so they are never below the
 * true value and at most 1/64 above it (exact below 128 µs).
 */
public final class LatencyDistribution {

    private final long[] counts;
    private final long total;

    LatencyDistribution(long[] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** A distribution of no latencies. */
    public static LatencyDistribution empty() {
        return new LatencyDistribution(new long[0], 0);
    }

    /** How many latencies it holds. */
    public long count() {
        return total;
    }

    /**
     * The {@code percentile}-th percentile (0 &lt; percentile &le; 100), or empty when there are no
     * latencies: no data is not the same as fast.
     */
    public Optional<Duration> percentile(double percentile) {
        if (Double.isNaN(percentile) || percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100, got " + percentile);
        }
        if (total == 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(percentile * total / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Optional.of(Duration.ofNanos(LatencyHistogram.highestValueOf(i) * 1_000));
            }
        }
        throw new IllegalStateException("histogram counts add up to " + seen + ", not " + total);
    }

    /** The 95th percentile, or empty without data. */
    public Optional<Duration> p95() {
        return percentile(95);
    }

    @Override
    public String toString() {
        return total == 0
                ? "no latencies"
                : total + " latencies, p95 " + p95().orElseThrow().toMillis() + " ms";
    }
}
