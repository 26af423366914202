package io.genesis.core.gate;

import io.genesis.core.policy.Percentage;
import java.util.Optional;

/**
 * How many units of one coverage metric were covered and missed.
 *
 * @param covered units executed by the tests
 * @param missed units never executed
 */
public record CoverageCounter(long covered, long missed) {

    public static final CoverageCounter EMPTY = new CoverageCounter(0, 0);

    public CoverageCounter {
        if (covered < 0 || missed < 0) {
            throw new IllegalArgumentException(
                    "coverage counts must not be negative, got covered=" + covered + ", missed=" + missed);
        }
    }

    public long total() {
        return Math.addExact(covered, missed);
    }

    /** The covered share, or empty when there is nothing to cover (0 of 0 is not 100 %). */
    public Optional<Percentage> percentage() {
        long total = total();
        return total == 0 ? Optional.empty() : Optional.of(Percentage.ratio(covered, total));
    }

    public CoverageCounter plus(CoverageCounter other) {
        return new CoverageCounter(Math.addExact(covered, other.covered), Math.addExact(missed, other.missed));
    }
}
