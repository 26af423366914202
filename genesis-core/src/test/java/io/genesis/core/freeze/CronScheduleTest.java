package io.genesis.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

    @ParameterizedTest
    @CsvSource({
        // schedule, wall-clock time (2026-12-04 is a Friday), matches
        "'0 18 * * FRI', 2026-12-04T18:00, true",
        "'0 18 * * FRI', 2026-12-04T18:01, false",
        "'0 18 * * FRI', 2026-12-05T18:00, false",
        "'0 18 * * 5', 2026-12-04T18:00, true",
        "'*/15 9-17 * * MON-FRI', 2026-12-04T09:45, true",
        "'*/15 9-17 * * MON-FRI', 2026-12-04T09:50, false",
        "'*/15 9-17 * * MON-FRI', 2026-12-05T09:45, false",
        "'0 0 * * 0', 2026-12-06T00:00, true",
        "'0 0 * * 7', 2026-12-06T00:00, true",
        "'0 0 24-31 DEC *', 2026-12-24T00:00, true",
        "'0 0 24-31 DEC *', 2026-11-24T00:00, false",
        // both day fields restricted: either matches (the 1st, or any Monday)
        "'0 8 1 * MON', 2026-12-01T08:00, true",
        "'0 8 1 * MON', 2026-12-07T08:00, true",
        "'0 8 1 * MON', 2026-12-08T08:00, false",
        "'30 2 * * *', 2026-03-29T02:30, true",
        "'5,35 * * * *', 2026-03-29T11:35, true",
        "'10-20/5 * * * *', 2026-03-29T11:15, true",
        "'10-20/5 * * * *', 2026-03-29T11:25, false"
    })
    void shouldMatchAsCronDoes(String schedule, LocalDateTime time, boolean matches) {
        assertThat(CronSchedule.parse(schedule).matches(time)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({
        "'0 18 * *', 'has 4 fields, a cron schedule has 5'",
        "'61 18 * * *', 'the minute field ''61'' is not valid: it must be from 0 to 59'",
        "'0 18 * * FUN', 'the day of week field ''FUN'' is not valid: it is not a number or a name such as FRI'",
        "'0 20-18 * * *', 'the hour field ''20-18'' is not valid: the range 20-18 runs backwards'",
        "'0 18 0 * *', 'the day of month field ''0'' is not valid: it must be from 1 to 31'"
    })
    void shouldSayWhichFieldIsWrong(String schedule, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
