package io.genesis.sandbox.metrics;

import java.time.Duration;

/**
 * Counts latencies in a fixed set of log-linear buckets, so memory stays the same however many requests
 * arrive. Values are in microseconds: below 128 µs each value has its own bucket; above, every power of two
 * is split into 64 buckets, so a bucket is never wider than 1/64 (1.6 %) of the values it holds. Values
 * above {@link #MAX_MICROS} (about 35 minutes) are counted as that maximum. Not thread-safe: callers lock.
 */
public final class LatencyHistogram {

    /** The largest latency told apart, in microseconds. */
    public static final long MAX_MICROS = Integer.MAX_VALUE;

    static final int EXACT_LIMIT = 128;
    static final int SUB_BUCKETS = 64;
    private static final int SUB_BUCKET_BITS = 6;
    private static final int FIRST_LOG_MAGNITUDE = 7;
    static final int BUCKETS = EXACT_LIMIT + (31 - FIRST_LOG_MAGNITUDE) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;

    /** Counts one latency. */
    public void record(Duration latency) {
        recordMicros(toMicros(latency));
    }

    /** Counts one latency given in microseconds; negative values count as 0. */
    public void recordMicros(long micros) {
        counts[indexOf(micros)]++;
        total++;
    }

    /** Adds every count of {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** Forgets everything. */
    public void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    /** How many latencies were counted. */
    public long count() {
        return total;
    }

    /** An immutable copy, for reading percentiles. */
    public LatencyDistribution snapshot() {
        return new LatencyDistribution(counts.clone(), total);
    }

    static long toMicros(Duration latency) {
        if (latency.isNegative()) {
            return 0;
        }
        long seconds = latency.getSeconds();
        if (seconds > MAX_MICROS / 1_000_000) {
            return MAX_MICROS;
        }
        return Math.min(MAX_MICROS, seconds * 1_000_000 + latency.getNano() / 1_000);
    }

    static int indexOf(long micros) {
        long value = Math.max(0, Math.min(micros, MAX_MICROS));
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(value);
        int shift = magnitude - SUB_BUCKET_BITS;
        int subBucket = (int) (value >>> shift);
        return EXACT_LIMIT + (magnitude - FIRST_LOG_MAGNITUDE) * SUB_BUCKETS + (subBucket - SUB_BUCKETS);
    }

    /** The largest value that lands in bucket {@code index}. */
    static long highestValueOf(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int offset = index - EXACT_LIMIT;
        int magnitude = FIRST_LOG_MAGNITUDE + offset / SUB_BUCKETS;
        int subBucket = SUB_BUCKETS + offset % SUB_BUCKETS;
        int shift = magnitude - SUB_BUCKET_BITS;
        return Math.min(MAX_MICROS, (((long) subBucket + 1) << shift) - 1);
    }
}
