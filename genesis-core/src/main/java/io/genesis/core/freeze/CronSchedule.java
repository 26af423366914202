package io.genesis.core.freeze;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) read the way
 * Vixie cron and Kubernetes CronJobs read it: {@code *}, lists ({@code 1,15}), ranges
 * ({@code 1-5}), steps ({@code *}{@code /15}, {@code 8-18/2}), month and day names ({@code JAN},
 * {@code MON-FRI}), Sunday as 0 or 7; when both day fields are restricted, a day matching
 * either matches (the classic cron rule). Matched against wall-clock time in a zone by the caller.
 */
public final class CronSchedule {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("JAN", 1),
            Map.entry("FEB", 2),
            Map.entry("MAR", 3),
            Map.entry("APR", 4),
            Map.entry("MAY", 5),
            Map.entry("JUN", 6),
            Map.entry("JUL", 7),
            Map.entry("AUG", 8),
            Map.entry("SEP", 9),
            Map.entry("OCT", 10),
            Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS =
            Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4, "FRI", 5, "SAT", 6);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        this.minutes = field("minute", fields[0], 0, 59, Map.of());
        this.hours = field("hour", fields[1], 0, 23, Map.of());
        this.daysOfMonth = field("day of month", fields[2], 1, 31, Map.of());
        this.months = field("month", fields[3], 1, 12, MONTHS);
        BitSet days = field("day of week", fields[4], 0, 7, DAYS);
        if (days.get(7)) {
            days.set(0);
        }
        this.daysOfWeek = days;
        this.anyDayOfMonth = fields[2].equals("*");
        this.anyDayOfWeek = fields[4].equals("*");
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    @JsonCreator
    public static CronSchedule parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] fields = text.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + text + "' has " + fields.length
                    + " fields, a cron schedule has 5: minute hour day-of-month month day-of-week, such as"
                    + " '0 18 * * FRI' (Fridays at 18:00)");
        }
        return new CronSchedule(text.trim(), fields);
    }

    /** Whether {@code time}, to the minute, is one of the schedule's times. */
    public boolean matches(LocalDateTime time) {
        if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(time.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(
                time.getDayOfWeek() == DayOfWeek.SUNDAY
                        ? 0
                        : time.getDayOfWeek().getValue());
        if (anyDayOfMonth || anyDayOfWeek) {
            return dayOfMonth && dayOfWeek;
        }
        return dayOfMonth || dayOfWeek;
    }

    /** The schedule as written; also its stored form. */
    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule schedule && schedule.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private static BitSet field(String name, String value, int low, int high, Map<String, Integer> names) {
        BitSet set = new BitSet(high + 1);
        for (String part : value.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(name, part.substring(slash + 1), 1, high, Map.of());
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = low;
                to = high;
            } else if (range.indexOf('-') > 0) {
                from = number(name, range.substring(0, range.indexOf('-')), low, high, names);
                to = number(name, range.substring(range.indexOf('-') + 1), low, high, names);
                if (to < from) {
                    throw invalid(name, value, "the range " + range + " runs backwards");
                }
            } else {
                from = number(name, range, low, high, names);
                to = slash >= 0 ? high : from;
            }
            for (int i = from; i <= to; i += step) {
                set.set(i);
            }
        }
        return set;
    }

    private static int number(String name, String text, int low, int high, Map<String, Integer> names) {
        Integer named = names.get(text);
        if (named != null) {
            return named;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(
                    name,
                    text,
                    "it is not a number"
                            + (names.isEmpty()
                                    ? ""
                                    : " or a name such as "
                                            + names.keySet().stream()
                                                    .sorted()
                                                    .findFirst()
                                                    .orElseThrow()));
        }
        if (value < low || value > high) {
            throw invalid(name, text, "it must be from " + low + " to " + high);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String name, String value, String why) {
        return new IllegalArgumentException("the " + name + " field '" + value + "' is not valid: " + why);
    }
}
