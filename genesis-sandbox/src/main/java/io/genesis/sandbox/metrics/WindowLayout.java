package io.genesis.sandbox.metrics;

import java.time.Duration;

/**
 * How request metrics are kept over time: a ring of {@code bucketCount} time buckets, each
 * {@code bucketWidth} long. The longest window that can be asked for is {@link #retention()}; a window is
 * answered to the precision of one bucket. Memory is bounded by the bucket count (about 13 KB per busy
 * bucket per slot for the latency histogram).
 *
 * @param bucketWidth length of one bucket, whole milliseconds, at least 1 ms
 * @param bucketCount number of buckets, 1 to 3 600
 */
public record WindowLayout(Duration bucketWidth, int bucketCount) {

    /** The most buckets a layout may have, to keep memory bounded. */
    public static final int MAX_BUCKETS = 3_600;

    public WindowLayout {
        if (bucketWidth == null
                || bucketWidth.toMillis() < 1
                || !bucketWidth.equals(Duration.ofMillis(bucketWidth.toMillis()))) {
            throw new IllegalArgumentException(
                    "bucketWidth must be a whole number of milliseconds, at least 1 ms, got " + bucketWidth);
        }
        if (bucketCount < 1 || bucketCount > MAX_BUCKETS) {
            throw new IllegalArgumentException(
                    "bucketCount must be between 1 and " + MAX_BUCKETS + ", got " + bucketCount);
        }
    }

    /** Two-second buckets over ten minutes: enough for the engine's longest analysis step. */
    public static WindowLayout defaults() {
        return new WindowLayout(Duration.ofSeconds(2), 300);
    }

    /** The longest window that can be asked for. */
    public Duration retention() {
        return bucketWidth.multipliedBy(bucketCount);
    }

    long widthMillis() {
        return bucketWidth.toMillis();
    }
}
