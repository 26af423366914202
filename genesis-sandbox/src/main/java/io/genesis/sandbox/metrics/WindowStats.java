package io.genesis.sandbox.metrics;

import io.genesis.core.policy.Percentage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Request statistics of one slot (or of all traffic) over one window. Without requests in the window,
 * every rate and percentile is empty: no data is not the same as healthy.
 */
public final class WindowStats {

    private final long[] counts;
    private final LatencyDistribution latency;

    WindowStats(long[] countsByOutcome, LatencyDistribution latency) {
        this.counts = countsByOutcome.clone();
        this.latency = latency;
    }

    /** Statistics of a window without requests. */
    public static WindowStats empty() {
        return new WindowStats(new long[RequestOutcome.values().length], LatencyDistribution.empty());
    }

    /** Requests that count (every outcome but client aborts). */
    public long requestCount() {
        long sum = 0;
        for (RequestOutcome outcome : RequestOutcome.values()) {
            if (outcome.isCounted()) {
                sum += counts[outcome.ordinal()];
            }
        }
        return sum;
    }

    /** Requests that failed: 5xx answers, upstream failures and requests without a route. */
    public long errorCount() {
        long sum = 0;
        for (RequestOutcome outcome : RequestOutcome.values()) {
            if (outcome.isError()) {
                sum += counts[outcome.ordinal()];
            }
        }
        return sum;
    }

    /** How many requests ended with {@code outcome}. */
    public long count(RequestOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    /** Every outcome and its count. */
    public Map<RequestOutcome, Long> counts() {
        Map<RequestOutcome, Long> map = new EnumMap<>(RequestOutcome.class);
        for (RequestOutcome outcome : RequestOutcome.values()) {
            map.put(outcome, counts[outcome.ordinal()]);
        }
        return map;
    }

    /** Whether any counted request fell in the window. */
    public boolean hasData() {
        return requestCount() > 0;
    }

    /** Errors over counted requests, empty without data. */
    public Optional<Percentage> errorRate() {
        long requests = requestCount();
        return requests == 0 ? Optional.empty() : Optional.of(Percentage.ratio(errorCount(), requests));
    }

    /** Successful requests over counted requests, empty without data. */
    public Optional<Percentage> availability() {
        long requests = requestCount();
        return requests == 0 ? Optional.empty() : Optional.of(Percentage.ratio(requests - errorCount(), requests));
    }

    /** The 95th percentile latency measured at the proxy, empty without data. */
    public Optional<Duration> p95Latency() {
        return latency.p95();
    }

    /** The latency distribution of counted requests. */
    public LatencyDistribution latency() {
        return latency;
    }

    @Override
    public String toString() {
        if (!hasData()) {
            return "no requests";
        }
        return requestCount() + " requests, error rate " + errorRate().orElseThrow() + ", availability "
                + availability().orElseThrow() + ", p95 "
                + p95Latency().orElseThrow().toMillis() + " ms";
    }
}
