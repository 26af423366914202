package io.genesis.benchmarks.rollout;

import java.util.Arrays;
import java.util.Locale;

/** Nearest-rank percentiles of a set of measurements in nanoseconds, printed in a chosen unit. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements to summarise");
        }
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    /** The nearest-rank {@code p}-th percentile, {@code 0 < p <= 100}. */
    long at(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    long max() {
        return sorted[sorted.length - 1];
    }

    long min() {
        return sorted[0];
    }

    /** {@code median / p95 / max} in milliseconds with two decimals. */
    String millis() {
        return String.format(
                Locale.ROOT, "%.2f / %.2f / %.2f ms (min %.2f)", ms(at(50)), ms(at(95)), ms(max()), ms(min()));
    }

    /** {@code median / p95 / max} in microseconds with one decimal. */
    String micros() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f µs", at(50) / 1e3, at(95) / 1e3, max() / 1e3);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
