package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.freeze.FreezeBinder;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Freeze windows from the global configuration reach the engine's binder as genesis.yaml's would. */
class FreezeWindowConfigTest {

    private static EnvironmentConfig staging(FreezeWindowConfig... windows) {
        EnvironmentConfig config = new EnvironmentConfig("staging");
        config.setMinPassRate(95.0);
        config.setMinCoverage(85.0);
        config.setFreeze(List.of(windows));
        return config;
    }

    private static FreezeWindowConfig weekend() {
        FreezeWindowConfig weekend = new FreezeWindowConfig("weekend", "Europe/Berlin");
        weekend.setCron("0 18 * * FRI");
        weekend.setDuration("62h");
        return weekend;
    }

    @Test
    void shouldGiveTheEngineEveryWindowAsTheBinderReadsIt() {
        FreezeWindowConfig yearEnd = new FreezeWindowConfig(" year-end freeze ", "America/New_York");
        yearEnd.setFrom("2026-12-20T00:00");
        yearEnd.setUntil("2027-01-04T09:00");

        PolicyEntry entry = EnvironmentBinder.bind(
                        EnvironmentTranslation.document(List.of(staging(weekend(), yearEnd))))
                .entries()
                .get(0);
        FreezeCalendar calendar = FreezeBinder.calendar(entry);

        assertThat(calendar.windows()).hasSize(2);
        assertThat(calendar.windows().get(1)).isInstanceOf(FreezeWindow.Dated.class);
        // Saturday 2026-12-12 noon in Berlin is inside the weekend window.
        assertThat(calendar.at(Instant.parse("2026-12-12T11:00:00Z"))).isPresent();
        assertThat(calendar.at(Instant.parse("2026-12-09T11:00:00Z"))).isEmpty();
    }

    @Test
    void shouldRefuseABadWindowOnSaveNamingTheFieldAndTheFix() {
        FreezeWindowConfig bad = new FreezeWindowConfig("nightly", "UTC");
        bad.setCron("0 25 * * *");
        bad.setDuration("2h");

        Optional<String> problem = EnvironmentValidation.checkAll(List.of(staging(bad)));

        assertThat(problem)
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("freeze[0].cron")
                        .contains("'25'")
                        .contains("0 to 23"));
        assertThat(EnvironmentValidation.checkAll(List.of(staging(weekend())))).isEmpty();
    }

    @Test
    void shouldHandTheBinderOnlyTheKeysThatAreSet() {
        assertThat(weekend().toTree())
                .containsOnlyKeys("reason", "timeZone", "cron", "duration")
                .containsEntry("cron", "0 18 * * FRI");
    }
}
