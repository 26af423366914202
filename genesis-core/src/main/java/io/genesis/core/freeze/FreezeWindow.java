package io.genesis.core.freeze;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A time when an environment takes no deploys, with the reason people are told: either recurring
 * (a cron schedule of start times and a length, such as every Friday 18:00 for 62 hours) or a
 * range of dates (from the 20th of December to the 4th of January). Times are wall-clock times in
 * the window's time zone, so a freeze "at 18:00 in Berlin" stays at 18:00 across daylight saving.
 * Stored with each rollout's request (as JSON, by kind), so that an engine that carries it on checks
 * the windows that applied when the deploy was accepted.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FreezeWindow.Recurring.class, name = "recurring"),
    @JsonSubTypes.Type(value = FreezeWindow.Dated.class, name = "dated")
})
public sealed interface FreezeWindow {

    /** The longest a recurring window may last: longer ones are date ranges. */
    Duration LONGEST_RECURRING = Duration.ofDays(31);

    /** Why deploys stop, as written. */
    String reason();

    /** The zone the window's times are read in. */
    ZoneId zone();

    /** The freeze that holds at {@code now}, if this window does. */
    Optional<Frozen> at(Instant now);

    /**
     * Recurring: a freeze starts at each time of {@code starts} (wall clock in {@code zone}) and lasts
     * {@code length}. Each real minute's wall-clock reading is matched, so a start in the hour a
     * spring change skips does not happen that day, and one in the hour an autumn change repeats
     * happens twice (the freeze then lasts an hour longer).
     */
    record Recurring(String reason, ZoneId zone, CronSchedule starts, Duration length) implements FreezeWindow {

        public Recurring {
            reason = requireReason(reason);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(starts, "starts");
            Objects.requireNonNull(length, "length");
            if (length.compareTo(Duration.ofMinutes(1)) < 0 || length.compareTo(LONGEST_RECURRING) > 0) {
                throw new IllegalArgumentException("a recurring freeze lasts from 1 minute to "
                        + LONGEST_RECURRING.toDays() + " days, got " + length + "; write longer ones as from/until");
            }
        }

        @Override
        public Optional<Frozen> at(Instant now) {
            Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
            Instant earliest = now.minus(length);
            // Latest start first: the freeze that started last is the one that ends last.
            for (Instant start = minute; start.isAfter(earliest); start = start.minus(1, ChronoUnit.MINUTES)) {
                if (starts.matches(LocalDateTime.ofInstant(start, zone))) {
                    return Optional.of(new Frozen(reason, start, start.plus(length), zone));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A range of dates: from {@code from} until {@code until}, wall clock in {@code zone}. A time in a
     * gap a clock change skips is read as the time after the gap; one in an overlap, as the first.
     */
    record Dated(String reason, ZoneId zone, LocalDateTime from, LocalDateTime until) implements FreezeWindow {

        public Dated {
            reason = requireReason(reason);
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException(
                        "a freeze must end after it starts, got from " + from + " until " + until);
            }
        }

        @Override
        public Optional<Frozen> at(Instant now) {
            Instant start = ZonedDateTime.of(from, zone).toInstant();
            Instant end = ZonedDateTime.of(until, zone).toInstant();
            return !now.isBefore(start) && now.isBefore(end)
                    ? Optional.of(new Frozen(reason, start, end, zone))
                    : Optional.empty();
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(
                    "a freeze needs a reason, which people are told when a deploy is refused");
        }
        return reason.strip();
    }

    /**
     * A freeze in force.
     *
     * @param reason why
     * @param from when it started
     * @param until when it ends
     * @param zone the zone its window is written in, for messages
     */
    record Frozen(String reason, Instant from, Instant until, ZoneId zone) {

        /** {@code until 2027-01-04T09:00-05:00[America/New_York] (year-end freeze)}. */
        public String describe() {
            return "until " + ZonedDateTime.ofInstant(until, zone).truncatedTo(ChronoUnit.MINUTES) + " (" + reason
                    + ")";
        }
    }
}
