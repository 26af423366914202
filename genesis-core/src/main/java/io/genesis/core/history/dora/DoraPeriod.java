package io.genesis.core.history.dora;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the figures are grouped over time: by calendar day, ISO week (from Monday) or calendar month. */
public enum DoraPeriod {
    DAY {
        @Override
        LocalDate start(LocalDate day) {
            return day;
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusDays(1);
        }
    },
    WEEK {
        @Override
        LocalDate start(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    MONTH {
        @Override
        LocalDate start(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    /** The first day of the period {@code day} falls in. */
    abstract LocalDate start(LocalDate day);

    /** The first day of the period after the one starting on {@code start}. */
    abstract LocalDate next(LocalDate start);

    /** {@code day}, {@code week} or {@code month}, as written on a command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code day}, {@code week} or {@code month}; {@code field} names the setting in the message. */
    public static DoraPeriod parse(String field, String text) {
        for (DoraPeriod period : values()) {
            if (period.word().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return period;
            }
        }
        throw new IllegalArgumentException(field + " must be one of "
                + Arrays.stream(values()).map(DoraPeriod::word).collect(Collectors.joining(", ")) + ", got '" + text
                + "'");
    }
}
