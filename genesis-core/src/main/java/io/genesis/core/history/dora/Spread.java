package io.genesis.core.history.dora;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a set of durations spreads: how many, the median and the 90th percentile, both by nearest rank
 * (the smallest measured value with at least half, or 90 %, of the values at or below it), so each is a
 * value that was measured, never an interpolation.
 *
 * @param count how many durations
 * @param median the median, or {@code null} when there are none
 * @param p90 the 90th percentile, or {@code null} when there are none
 */
public record Spread(int count, Duration median, Duration p90) {

    public Spread {
        if (count < 0) {
            throw new IllegalArgumentException("a count must not be negative, got " + count);
        }
        if ((count == 0) != (median == null) || (count == 0) != (p90 == null)) {
            throw new IllegalArgumentException(
                    "a median and a 90th percentile exist exactly when there are durations, got " + count);
        }
    }

    /** The spread of {@code durations}, in any order. */
    public static Spread of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Spread(0, null, null);
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        return new Spread(sorted.size(), rank(sorted, 50), rank(sorted, 90));
    }

    private static Duration rank(List<Duration> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }

    public Optional<Duration> medianValue() {
        return Optional.ofNullable(median);
    }

    public Optional<Duration> p90Value() {
        return Optional.ofNullable(p90);
    }
}
