package io.genesis.core.history.dora;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The days the figures cover, both ends included, in a time zone (a day is the zone's calendar day,
 * so a 23-hour or 25-hour day at a DST change is still one day), grouped by {@code period}.
 *
 * @param from the first day
 * @param to the last day, included
 * @param zone the time zone the days are counted in
 * @param period how the days are grouped
 */
public record DoraRange(LocalDate from, LocalDate to, ZoneId zone, DoraPeriod period) {

    /** More periods than this would draw charts nobody can read and are refused. */
    public static final int MOST_PERIODS = 400;

    public DoraRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(period, "period");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "the DORA range ends (" + to + ") before it starts (" + from + "): give --from before --to");
        }
        long periods = 0;
        for (LocalDate start = period.start(from); !start.isAfter(to); start = period.next(start)) {
            if (++periods > MOST_PERIODS) {
                throw new IllegalArgumentException("the DORA range " + from + " to " + to + " holds more than "
                        + MOST_PERIODS + " " + period.word() + "s: choose a shorter range or a longer period");
            }
        }
    }

    /** The {@code count} periods up to and including the one holding {@code today}. */
    public static DoraRange ending(LocalDate today, ZoneId zone, DoraPeriod period, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of periods must be at least 1, got " + count);
        }
        LocalDate start = period.start(today);
        for (int i = 1; i < count; i++) {
            start = period.start(start.minusDays(1));
        }
        return new DoraRange(start, today, zone, period);
    }

    /** The periods in order, each clipped to this range. */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        for (LocalDate start = period.start(from); !start.isAfter(to); start = period.next(start)) {
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = period.next(start).minusDays(1);
            spans.add(new Span(first, last.isAfter(to) ? to : last));
        }
        return spans;
    }

    /** The period {@code instant} falls in, if it falls in this range at all. */
    public Optional<Span> spanOf(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        if (day.isBefore(from) || day.isAfter(to)) {
            return Optional.empty();
        }
        LocalDate start = period.start(day);
        LocalDate first = start.isBefore(from) ? from : start;
        LocalDate last = period.next(start).minusDays(1);
        return Optional.of(new Span(first, last.isAfter(to) ? to : last));
    }

    /** The instant the range begins: the start of its first day in its time zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The whole range as one span. */
    public Span whole() {
        return new Span(from, to);
    }

    /**
     * Some days, both ends included.
     *
     * @param first the first day
     * @param last the last day
     */
    public record Span(LocalDate first, LocalDate last) {

        public Span {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
        }

        /** How many calendar days it holds. */
        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }
}
