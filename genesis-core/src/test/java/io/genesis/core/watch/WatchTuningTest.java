package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.rollout.RolloutTuning;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchTuningTest {

    private static final Environment PRODUCTION = Environments.defaults().named("production");
    private static final Environment STAGING = Environments.defaults().named("staging");
    private static final MetricSpec ASKED = new MetricSpec("httpProbe", Map.of("url", "http://127.0.0.1:1/asked"));
    private static final MetricSpec CONFIGURED =
            new MetricSpec("httpProbe", Map.of("url", "http://127.0.0.1:1/configured"));
    private static final MetricSpec ROLLOUT = new MetricSpec("httpProbe", Map.of("url", "http://127.0.0.1:1/rollout"));

    @Test
    void shouldWatchForTheEnvironmentsWindowWhenTheCallAsksNothing() {
        assertThat(WatchTuning.defaults().window(PRODUCTION, RolloutTuning.SCRIPT))
                .isEqualTo(Duration.ofHours(48));
        assertThat(WatchTuning.defaults().isDefault()).isTrue();
        assertThat(new WatchTuning(" ", "", null).isDefault()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"48h, 48", "72h, 72", "2d, 48", "720h, 720"})
    void shouldLetACallLengthenTheWindow(String asked, long hours) {
        assertThat(new WatchTuning(asked, null, null).window(PRODUCTION, RolloutTuning.SCRIPT))
                .isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void shouldRefuseAShorterWindowNamingTheEnvironmentsAndTheFix() {
        assertThatThrownBy(() -> new WatchTuning("2h", null, null).window(PRODUCTION, RolloutTuning.SCRIPT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window '2h' would shorten production's post-deploy watch of 48 h, and a call may only"
                        + " lengthen it; fix: leave window out, or give 48 h or more");
    }

    @Test
    void shouldRefuseAWindowPastTheLongestAndNonsense() {
        assertThatThrownBy(() -> new WatchTuning("721h", null, null).window(PRODUCTION, RolloutTuning.SCRIPT))
                .hasMessageContaining("must be from 0 to 720 hours, got 721 hours");
        assertThatThrownBy(() -> new WatchTuning("soon", null, null).window(PRODUCTION, RolloutTuning.SCRIPT))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new WatchTuning("0s", null, null).window(STAGING, RolloutTuning.SCRIPT))
                .hasMessage("window must be positive, got '0s'; fix: give one such as '48h'");
    }

    @Test
    void shouldAskForAWindowWhereTheEnvironmentWatchesNothing() {
        assertThatThrownBy(() -> WatchTuning.defaults().window(STAGING, RolloutTuning.CLI))
                .hasMessage("staging has no post-deploy watch (watchHours is 0); fix: give --window such as '2h',"
                        + " or set watchHours for staging");
        assertThat(new WatchTuning("2h", null, null).window(STAGING, RolloutTuning.SCRIPT))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldTuneTheRolloutsThresholds() {
        AnalysisThresholds rollout = AnalysisThresholds.defaults();

        AnalysisThresholds tuned = new WatchTuning(null, "1m", "roll-back").thresholds(rollout, RolloutTuning.SCRIPT);

        assertThat(tuned.sampleInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(tuned.onInconclusive()).isEqualTo(InconclusiveAction.ROLL_BACK);
        assertThat(tuned.limits()).isEqualTo(rollout.limits());
        assertThat(WatchTuning.defaults().thresholds(rollout, RolloutTuning.SCRIPT))
                .isEqualTo(rollout);
        assertThatThrownBy(() -> new WatchTuning(null, null, "ignore").thresholds(rollout, RolloutTuning.SCRIPT))
                .hasMessage("onInconclusive: unknown inconclusive action 'ignore'; known: pause, fail, roll-back");
    }

    @Test
    void shouldTakeTheCallsSourceThenTheConfiguredThenTheRollouts() {
        assertThat(WatchTuning.source(STAGING, Optional.of(ASKED), Optional.of(CONFIGURED), Optional.of(ROLLOUT)))
                .isEqualTo(ASKED);
        assertThat(WatchTuning.source(PRODUCTION, Optional.empty(), Optional.of(CONFIGURED), Optional.of(ROLLOUT)))
                .isEqualTo(CONFIGURED);
        assertThat(WatchTuning.source(PRODUCTION, Optional.empty(), Optional.empty(), Optional.of(ROLLOUT)))
                .isEqualTo(ROLLOUT);
        assertThat(WatchTuning.source(PRODUCTION, Optional.of(ASKED), Optional.empty(), Optional.of(ROLLOUT)))
                .isEqualTo(ASKED);
    }

    @Test
    void shouldNotLetACallReplaceAProtectedEnvironmentsConfiguredSource() {
        assertThatThrownBy(() -> WatchTuning.source(
                        PRODUCTION, Optional.of(ASKED), Optional.of(CONFIGURED), Optional.of(ROLLOUT)))
                .hasMessage("production is protected and its metric source comes from its configuration, which a"
                        + " call may not replace; fix: leave the call's metric source out");
    }

    @Test
    void shouldRefuseAWatchWithNothingToSample() {
        assertThatThrownBy(() -> WatchTuning.source(STAGING, Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("nothing to sample: the call names no metric source, staging configures none");
    }
}
