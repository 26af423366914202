package io.genesis.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreezeBinderTest {

    private static PolicyEntry production(Object freeze) {
        return EnvironmentBinder.entries(Map.of(
                        "environments",
                        List.of(Map.of("name", "production", "minPassRate", 98, "minCoverage", 85, "freeze", freeze))))
                .get(0);
    }

    @Test
    void shouldReadRecurringAndDatedWindows() {
        FreezeCalendar calendar = FreezeBinder.calendar(production(List.of(
                Map.of("reason", "weekend", "timeZone", "Europe/Berlin", "cron", "0 18 * * FRI", "duration", "62h"),
                Map.of(
                        "reason", "year-end freeze",
                        "timeZone", "America/New_York",
                        "from", "2026-12-20T00:00",
                        "until", "2027-01-04T09:00"))));

        assertThat(calendar.windows())
                .containsExactly(
                        new FreezeWindow.Recurring(
                                "weekend",
                                ZoneId.of("Europe/Berlin"),
                                CronSchedule.parse("0 18 * * FRI"),
                                Duration.ofHours(62)),
                        new FreezeWindow.Dated(
                                "year-end freeze",
                                ZoneId.of("America/New_York"),
                                LocalDateTime.parse("2026-12-20T00:00"),
                                LocalDateTime.parse("2027-01-04T09:00")));
        assertThat(calendar.at(Instant.parse("2026-12-04T17:30:00Z"))).isPresent();
    }

    @Test
    void shouldHaveNoWindowsWithoutTheSection() {
        PolicyEntry plain = EnvironmentBinder.entries(Map.of(
                        "environments", List.of(Map.of("name", "staging", "minPassRate", 95, "minCoverage", 85))))
                .get(0);

        assertThat(FreezeBinder.calendar(plain).windows()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{reason: weekend, timeZone: Mars/Olympus, cron: '0 18 * * FRI', duration: 62h}"
                        + "| environments[0].freeze[0].timeZone"
                        + "| freeze[0].timeZone 'Mars/Olympus' is not a time zone; fix: write a region such as Europe/Berlin",
                "{reason: weekend, timeZone: UTC, cron: '0 18 * FRI', duration: 62h}"
                        + "| environments[0].freeze[0].cron"
                        + "| freeze[0].cron '0 18 * FRI' has 4 fields",
                "{reason: weekend, timeZone: UTC, cron: '0 18 * * FRI'}"
                        + "| environments[0].freeze[0].duration"
                        + "| freeze[0].duration has no duration; fix: add 'duration:'",
                "{reason: weekend, timeZone: UTC, cron: '0 18 * * FRI', duration: 62h, from: 2026-12-20T00:00}"
                        + "| environments[0].freeze[0]"
                        + "| freeze[0] needs either cron with duration (a recurring freeze) or from with until",
                "{reason: x, timeZone: UTC, from: 2026-12-20, until: 2027-01-04T09:00}"
                        + "| environments[0].freeze[0].from"
                        + "| freeze[0].from '2026-12-20' is not a date and time; fix: write it as 2026-12-20T00:00",
                "{timeZone: UTC, from: 2026-12-20T00:00, until: 2027-01-04T09:00}"
                        + "| environments[0].freeze[0].reason"
                        + "| freeze[0].reason has no reason",
                "{reason: x, timeZone: UTC, cron: '0 18 * * FRI', duration: 40d}"
                        + "| environments[0].freeze[0]"
                        + "| freeze[0] a recurring freeze lasts from 1 minute to 31 days",
                "{reason: x, timezone: UTC}"
                        + "| environments[0].freeze[0].timezone"
                        + "| freeze[0].timezone unknown key 'timezone'"
            })
    void shouldNameTheWindowTheKeyAndTheFix(String window, String path, String message) {
        Object tree = ((Map<?, ?>) io.genesis.core.policy.PolicyCases.tree("w: " + window)).get("w");

        assertThatThrownBy(() -> FreezeBinder.calendar(production(List.of(tree))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("environments[0] (production): " + message)
                .satisfies(e -> assertThat(((PolicyException) e).path()).isEqualTo(path));
    }
}
