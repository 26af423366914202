package io.genesis.core.policy;

import java.util.Locale;

/**
 * A share between 0 and 100 inclusive, such as a pass rate, a coverage or a traffic weight.
 *
 * @param value the percentage, {@code 0 <= value <= 100}
 */
public record Percentage(double value) implements Comparable<Percentage> {

    public static final Percentage ZERO = new Percentage(0);
    public static final Percentage HUNDRED = new Percentage(100);

    public Percentage {
        if (Double.isNaN(value) || value < 0 || value > 100) {
            throw new IllegalArgumentException("a percentage must be between 0 and 100, got " + value);
        }
        // -0.0 passes the range check but would differ from 0.0 in equals and print as "-0.00 %".
        value = value == 0 ? 0.0 : value;
    }

    /** Reads a percentage given by a person, naming {@code field} when the value is not one. */
    public static Percentage parse(String field, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.endsWith("%")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).trim();
        }
        double parsed;
        try {
            parsed = Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + " must be a number between 0 and 100 (for example 98.5), got '" + text + "'", e);
        }
        return of(field, parsed);
    }

    /** A percentage from a number given by a person, naming {@code field} when it is out of range. */
    public static Percentage of(String field, double value) {
        if (Double.isNaN(value) || value < 0 || value > 100) {
            throw new IllegalArgumentException(field + " must be between 0 and 100, got " + value);
        }
        return new Percentage(value);
    }

    /**
     * Checks percentage points given by a person (an allowed drop, an unstable margin): from 0 to
     * 100, naming {@code field} when they are not.
     */
    public static double requirePoints(String field, double points) {
        if (Double.isNaN(points) || points < 0 || points > 100) {
            throw new IllegalArgumentException(field + " must be between 0 and 100 percentage points, got " + points);
        }
        return points;
    }

    /** {@code part / whole} as a percentage; {@code whole} must be positive. */
    public static Percentage ratio(long part, long whole) {
        if (whole <= 0 || part < 0 || part > whole) {
            throw new IllegalArgumentException("cannot take " + part + " of " + whole + " as a percentage");
        }
        return new Percentage(100.0 * part / whole);
    }

    public boolean isBelow(Percentage other) {
        return value < other.value;
    }

    @Override
    public int compareTo(Percentage other) {
        return Double.compare(value, other.value);
    }

    /** Two decimals and a percent sign, independent of the platform locale: {@code 97.10 %}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f %%", value);
    }
}
