package io.genesis.core.board;

import static io.genesis.core.board.BoardFixtures.T0;
import static io.genesis.core.board.BoardFixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.watch.WatchVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchHealthTest {

    @Test
    void shouldSayNoWatchWhenNoneWasStartedForTheRollout() {
        WatchHealth health = WatchHealth.of("r-1", List.of(watch("w-1", "r-2", T0, null)));

        assertThat(health.state()).isEqualTo(WatchHealth.NONE);
        assertThat(health.summary()).isEqualTo("no post-deploy watch");
        assertThat(health.watchId()).isEmpty();
    }

    @Test
    void shouldTakeTheNewestWatchOfTheRollout() {
        WatchHealth health = WatchHealth.of(
                "r-1",
                List.of(
                        watch("w-1", "r-1", T0, WatchVerdict.SUPERSEDED),
                        watch("w-2", "r-1", T0.plusSeconds(60), null)));

        assertThat(health.state()).isEqualTo("WATCHING");
        assertThat(health.watchId()).isEqualTo("w-2");
        assertThat(health.summary()).isEqualTo("watching until 2026-12-09T10:01:00Z, 0 samples, no open incident");
    }

    @Test
    void shouldNameTheVerdictOfAWatchThatEnded() {
        WatchHealth health = WatchHealth.of("r-1", List.of(watch("w-1", "r-1", T0, WatchVerdict.ROLLED_BACK)));

        assertThat(health.state()).isEqualTo("ROLLED_BACK");
        assertThat(health.summary())
                .isEqualTo("ended ROLLED_BACK at 2026-12-09T10:00:00Z, 0 samples, 0 incidents: no incident in 48 h");
    }
}
