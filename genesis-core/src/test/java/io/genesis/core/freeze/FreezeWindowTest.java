package io.genesis.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Freeze windows read in their own time zone, across daylight-saving changes. */
class FreezeWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static FreezeWindow weekend(ZoneId zone) {
        return new FreezeWindow.Recurring("weekend", zone, CronSchedule.parse("0 18 * * FRI"), Duration.ofHours(62));
    }

    @Test
    void shouldHoldFromFridayEveningToMondayMorningInItsZone() {
        FreezeWindow berlin = weekend(BERLIN);

        // Friday 2026-12-04 18:00 in Berlin is 17:00 UTC (CET, +1)
        assertThat(berlin.at(Instant.parse("2026-12-04T16:59:00Z"))).isEmpty();
        assertThat(berlin.at(Instant.parse("2026-12-04T17:00:00Z"))).hasValueSatisfying(frozen -> {
            assertThat(frozen.from()).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
            assertThat(frozen.until()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
            assertThat(frozen.describe()).isEqualTo("until 2026-12-07T08:00+01:00[Europe/Berlin] (weekend)");
        });
        assertThat(berlin.at(Instant.parse("2026-12-07T06:59:59Z"))).isPresent();
        assertThat(berlin.at(Instant.parse("2026-12-07T07:00:00Z"))).isEmpty();
        // the same rule in New York starts six hours later on the same instant line
        assertThat(weekend(NEW_YORK).at(Instant.parse("2026-12-04T17:00:00Z"))).isEmpty();
        assertThat(weekend(NEW_YORK).at(Instant.parse("2026-12-04T23:00:00Z"))).isPresent();
    }

    @Test
    void shouldKeepItsWallClockTimeAcrossDaylightSaving() {
        FreezeWindow berlin = weekend(BERLIN);

        // Friday 2026-03-27 18:00 CET (UTC+1) = 17:00Z; summer time starts on Sunday the 29th, so
        // 62 hours later is Monday 09:00 CEST on the wall clock, still 62 hours on the timeline.
        assertThat(berlin.at(Instant.parse("2026-03-27T17:00:00Z")))
                .hasValueSatisfying(
                        frozen -> assertThat(frozen.until()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")));
        // Friday 2026-04-03 18:00 is CEST (UTC+2) = 16:00Z
        assertThat(berlin.at(Instant.parse("2026-04-03T16:00:00Z"))).isPresent();
        assertThat(berlin.at(Instant.parse("2026-04-03T15:59:00Z"))).isEmpty();
    }

    @Test
    void shouldSkipAStartTheSpringChangeSkipsAndRepeatOneTheAutumnChangeRepeats() {
        FreezeWindow nightly =
                new FreezeWindow.Recurring("batch", BERLIN, CronSchedule.parse("30 2 * * *"), Duration.ofMinutes(20));

        // 2026-03-29: 02:00 CET jumps to 03:00 CEST, 02:30 never shows on a Berlin clock
        assertThat(nightly.at(Instant.parse("2026-03-29T00:40:00Z"))).isEmpty();
        assertThat(nightly.at(Instant.parse("2026-03-29T01:40:00Z"))).isEmpty();
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET, 02:30 shows twice
        assertThat(nightly.at(Instant.parse("2026-10-25T00:35:00Z"))).isPresent();
        assertThat(nightly.at(Instant.parse("2026-10-25T01:35:00Z"))).isPresent();
        assertThat(nightly.at(Instant.parse("2026-10-25T01:10:00Z"))).isEmpty();
    }

    @Test
    void shouldReadADateRangeInItsZoneAndTakeTheFreezeThatEndsLast() {
        FreezeWindow yearEnd = new FreezeWindow.Dated(
                "year-end freeze",
                NEW_YORK,
                LocalDateTime.parse("2026-12-20T00:00"),
                LocalDateTime.parse("2027-01-04T09:00"));
        FreezeCalendar calendar = new FreezeCalendar(List.of(weekend(NEW_YORK), yearEnd));

        assertThat(yearEnd.at(Instant.parse("2026-12-20T04:59:00Z"))).isEmpty();
        assertThat(calendar.at(Instant.parse("2026-12-25T23:30:00Z")))
                .hasValueSatisfying(frozen -> assertThat(frozen.describe())
                        .isEqualTo("until 2027-01-04T09:00-05:00[America/New_York] (year-end freeze)"));
        assertThat(calendar.at(Instant.parse("2027-01-04T14:00:00Z"))).isEmpty();
        assertThat(FreezeCalendar.NONE.at(Instant.parse("2026-12-25T23:30:00Z")))
                .isEmpty();
    }

    @Test
    void shouldRefuseWindowsThatCannotHold() {
        assertThatThrownBy(() -> new FreezeWindow.Recurring(
                        "x", BERLIN, CronSchedule.parse("0 18 * * FRI"), Duration.ofDays(40)))
                .hasMessageContaining("from 1 minute to 31 days");
        assertThatThrownBy(() -> new FreezeWindow.Dated(
                        "x", BERLIN, LocalDateTime.parse("2026-12-20T00:00"), LocalDateTime.parse("2026-12-19T00:00")))
                .hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> weekendWithoutReason()).hasMessageContaining("a freeze needs a reason");
    }

    private static FreezeWindow weekendWithoutReason() {
        return new FreezeWindow.Recurring(" ", BERLIN, CronSchedule.parse("0 18 * * FRI"), Duration.ofHours(62));
    }
}
