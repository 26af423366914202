package io.genesis.core.gate.benchmarks;

import java.util.Locale;

/**
 * One measured figure with its confidence interval: a benchmark's score, or its allocation per
 * operation. Without an interval (a single measurement), low and high equal the score.
 *
 * @param score the measured value
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param unit the unit the tool wrote, such as {@code ns/op}, {@code ops/s}, {@code s}, {@code B/op}
 * @param lowerIsBetter whether a smaller value is better (time and allocation per operation) or a
 *     larger one (throughput)
 * @param hasInterval whether the tool gave an interval
 */
public record Measure(double score, double low, double high, String unit, boolean lowerIsBetter, boolean hasInterval) {

    public Measure {
        if (!Double.isFinite(score) || !Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("a measure needs a finite score inside a finite interval, got " + score
                    + " [" + low + ", " + high + "]");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a measure needs a unit");
        }
    }

    /**
     * How much worse {@code this} (the current figure) is than {@code baseline}, as a fraction of
     * the baseline: positive when worse (slower, more allocation), negative when better.
     */
    public double worseBy(Measure baseline) {
        if (baseline.score == 0) {
            return score == 0 ? 0 : (lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        double change = (score - baseline.score) / Math.abs(baseline.score);
        return lowerIsBetter ? change : -change;
    }

    /** Whether this interval lies entirely on the worse side of {@code baseline}'s. */
    public boolean worseBeyondNoise(Measure baseline) {
        return lowerIsBetter ? low > baseline.high : high < baseline.low;
    }

    /** {@code 123.4 ± 5.6 ns/op}. */
    public String describe() {
        double half = (high - low) / 2;
        return hasInterval
                ? String.format(Locale.ROOT, "%s ± %s %s", number(score), number(half), unit)
                : String.format(Locale.ROOT, "%s %s (no interval)", number(score), unit);
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
