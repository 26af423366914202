package io.genesis.core.monitor.scrape;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A quantile from the cumulative buckets of a histogram, the way PromQL's
 * {@code histogram_quantile} computes it (Prometheus documentation, "Query functions",
 * histogram_quantile; the rule lives in {@code promql/quantile.go}, {@code bucketQuantile}): the
 * buckets sorted by upper bound must end with {@code +Inf}; counts are made monotonic; the rank is
 * {@code q × observations}; the answer is interpolated linearly inside the first bucket whose count
 * reaches the rank, the lowest bucket starting at 0 (when its bound is positive); a rank in the
 * {@code +Inf} bucket answers the highest finite bound. No observations, or no {@code +Inf} bucket, is
 * no answer (NaN), never 0.
 */
final class BucketQuantile {

    private BucketQuantile() {}

    /**
     * The {@code q} quantile of {@code buckets} (upper bound to cumulative count).
     *
     * @return the quantile, or NaN when the buckets cannot answer
     */
    static double of(double q, Map<Double, Double> buckets) {
        if (Double.isNaN(q) || q < 0 || q > 1) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, got " + q);
        }
        NavigableMap<Double, Double> sorted = new TreeMap<>();
        // Buckets that share a bound (the same le written twice) are one bucket, their counts added.
        buckets.forEach((bound, count) -> sorted.merge(bound, count, Double::sum));
        if (sorted.size() < 2 || sorted.lastKey() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double[] bounds = new double[sorted.size()];
        double[] counts = new double[sorted.size()];
        int i = 0;
        double highest = 0;
        for (Map.Entry<Double, Double> bucket : sorted.entrySet()) {
            // Counts read at slightly different moments may dip; a cumulative count never falls.
            highest = Math.max(highest, bucket.getValue());
            bounds[i] = bucket.getKey();
            counts[i] = highest;
            i++;
        }
        double observations = counts[counts.length - 1];
        if (observations <= 0 || Double.isNaN(observations)) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < counts.length - 1 && counts[b] < rank) {
            b++;
        }
        if (b == counts.length - 1) {
            return bounds[counts.length - 2];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double start = b == 0 ? 0 : bounds[b - 1];
        double inBucket = counts[b] - (b == 0 ? 0 : counts[b - 1]);
        double rankInBucket = rank - (b == 0 ? 0 : counts[b - 1]);
        return start + (bounds[b] - start) * (rankInBucket / inBucket);
    }
}
