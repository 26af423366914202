package io.genesis.core.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as people read them in verdicts, independent of the platform locale. */
final class Format {

    private Format() {}

    /** {@code 1 234}: thousands separated by a space, as in the release guide. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    /** {@code 3 errors}, {@code 1 error}. */
    static String count(long value, String singular, String plural) {
        return count(value) + " " + (value == 1 ? singular : plural);
    }

    /** {@code 97.10 %}. */
    static String percent(double value) {
        return decimals(value, 2) + " %";
    }

    /**
     * A measured and a required percentage, with enough decimals that a failing value never reads
     * the same as its bar ({@code 97.996 %} is not shown as {@code 98.00 %} next to {@code 98.00 %}).
     */
    static String[] percents(double measured, double bar) {
        int places = 2;
        while (places < 6 && measured != bar && decimals(measured, places).equals(decimals(bar, places))) {
            places++;
        }
        return new String[] {decimals(measured, places) + " %", decimals(bar, places) + " %"};
    }

    /** {@code 1.50}. */
    static String points(double value) {
        return decimals(value, 2);
    }

    private static String decimals(double value, int places) {
        if (places > 2 && Double.isFinite(value)) {
            // Truncate, so that 97.9999 does not round up to the bar it missed.
            return BigDecimal.valueOf(value).setScale(places, RoundingMode.DOWN).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
