package io.genesis.sandbox.metrics;

import java.util.Arrays;

/**
 * One series of request statistics (a slot, or all traffic) kept in a ring of time buckets. A bucket is
 * reused once its time has left the retention, so memory never grows; its latency histogram is made on
 * first use, so idle buckets cost little. Callers pass bucket numbers (time divided by bucket width).
 */
final class SlidingWindow {

    private final Bucket[] ring;
    private long newestBucket = Long.MIN_VALUE;

    SlidingWindow(WindowLayout layout) {
        // One spare bucket so a window as long as the retention, which straddles a bucket boundary, is whole.
        this.ring = new Bucket[layout.bucketCount() + 1];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Bucket();
        }
    }

    synchronized void record(long bucketNumber, RequestOutcome outcome, long latencyMicros) {
        // A clock stepping back must not wipe newer buckets: late requests join the newest one.
        long number = Math.max(bucketNumber, newestBucket);
        newestBucket = number;
        Bucket bucket = ring[(int) Math.floorMod(number, (long) ring.length)];
        if (bucket.number != number) {
            bucket.reset(number);
        }
        bucket.counts[outcome.ordinal()]++;
        if (outcome.isCounted()) {
            bucket.latencies().recordMicros(latencyMicros);
        }
    }

    /** Statistics of the buckets numbered {@code first} to {@code last}, both included. */
    synchronized WindowStats stats(long first, long last) {
        long[] counts = new long[RequestOutcome.values().length];
        LatencyHistogram merged = new LatencyHistogram();
        for (Bucket bucket : ring) {
            if (bucket.number >= first && bucket.number <= last) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += bucket.counts[i];
                }
                if (bucket.latencies != null) {
                    merged.add(bucket.latencies);
                }
            }
        }
        return new WindowStats(counts, merged.snapshot());
    }

    int capacity() {
        return ring.length;
    }

    private static final class Bucket {
        private long number = Long.MIN_VALUE;
        private final long[] counts = new long[RequestOutcome.values().length];
        private LatencyHistogram latencies;

        void reset(long newNumber) {
            number = newNumber;
            Arrays.fill(counts, 0);
            if (latencies != null) {
                latencies.clear();
            }
        }

        LatencyHistogram latencies() {
            if (latencies == null) {
                latencies = new LatencyHistogram();
            }
            return latencies;
        }
    }
}
