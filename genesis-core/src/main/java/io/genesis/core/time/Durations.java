package io.genesis.core.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write and read them: {@code 90s}, {@code 2m}, {@code 24h}, {@code 1h 30 min}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(ms|min|s|m|h|d)");

    private Durations() {}

    /**
     * Reads {@code 500ms}, {@code 30s}, {@code 2m}, {@code 2min}, {@code 24h}, {@code 2d}, a sum such
     * as {@code 1h30m}, or ISO-8601 ({@code PT2M}). {@code field} names the setting in messages.
     */
    public static Duration parse(String field, String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(field, text, e);
            }
        }
        Matcher matcher = TEXT.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (!trimmed.substring(end, matcher.start()).isBlank()) {
                throw invalid(field, text, null);
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m", "min" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
            end = matcher.end();
        }
        if (end == 0 || !trimmed.substring(end).isBlank()) {
            throw invalid(field, text, null);
        }
        return total;
    }

    /** Short human form: {@code 2 min}, {@code 24 h}, {@code 1 h 30 min}, {@code 45 s}, {@code 0 s}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.toMillis() < 1000 && !duration.isZero()) {
            return duration.toMillis() + " ms";
        }
        // Days only from three on: "24 h" and "48 h" read better than "1 d" and "2 d".
        long days = duration.toDays() >= 3 ? duration.toDays() : 0;
        long hours = days > 0 ? duration.toHoursPart() : duration.toHours();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        StringBuilder text = new StringBuilder();
        append(text, days, "d");
        append(text, hours, "h");
        append(text, minutes, "min");
        append(text, seconds, "s");
        return text.length() == 0 ? "0 s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(amount).append(' ').append(unit);
        }
    }

    private static IllegalArgumentException invalid(String field, String text, Exception cause) {
        return new IllegalArgumentException(
                field + " must be a duration such as 30s, 2m, 24h or 1h30m, got '" + text + "'", cause);
    }
}
