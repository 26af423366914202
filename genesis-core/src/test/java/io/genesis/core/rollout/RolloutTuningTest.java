package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.InconclusiveAction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutTuningTest {

    @Test
    void shouldKeepTheStrategysDefaultsWhenNothingIsTuned() {
        // when
        RolloutTuning.Checked checked = RolloutTuning.defaults().check(RolloutTuning.SCRIPT);

        // then
        assertThat(checked.strategy()).isEqualTo("blueGreen");
        assertThat(checked.settings().tuned()).isFalse();
        assertThat(checked.asksForApproval()).isFalse();
    }

    @Test
    void shouldReadEveryTunedValue() {
        // given
        RolloutTuning tuning = new RolloutTuning("blueGreen", " ", "10:30s, 100", "2h", "50", "10", "5s", "fail");

        // when
        RolloutTuning.Checked checked = tuning.check(RolloutTuning.SCRIPT);

        // then
        assertThat(checked.strategy()).isEqualTo("blueGreen");
        assertThat(checked.settings().shifts()).hasSize(2);
        assertThat(checked.settings().keepPrevious()).isEqualTo(Duration.ofHours(2));
        assertThat(checked.settings().rollingBounds().maxSurge().value()).isEqualTo(50.0);
        assertThat(checked.settings().rollingBounds().maxUnavailable().value()).isEqualTo(10.0);
        assertThat(checked.analysis().sampleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(checked.analysis().onInconclusive()).isEqualTo(InconclusiveAction.FAIL);
    }

    @Test
    void shouldMakeCustomTheStrategyOfGivenSteps() {
        // when
        RolloutTuning.Checked checked = new RolloutTuning(
                        null, "approve; deploy; promote", null, null, null, null, null, null)
                .check(RolloutTuning.CLI);

        // then
        assertThat(checked.strategy()).isEqualTo("custom");
        assertThat(checked.asksForApproval()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"CLI,--max-surge", "SCRIPT,maxSurge"})
    void shouldNameTheFieldAsTheFrontDoorWritesIt(String door, String named) {
        // given
        RolloutTuning tuning = new RolloutTuning(null, null, null, null, "lots", null, null, null);

        // then
        assertThatThrownBy(() -> tuning.check(door.equals("CLI") ? RolloutTuning.CLI : RolloutTuning.SCRIPT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .hasMessageContaining("lots");
    }

    @Test
    void shouldRefuseAnUnknownStrategy() {
        assertThatThrownBy(() ->
                        new RolloutTuning("yolo", null, null, null, null, null, null, null).check(RolloutTuning.SCRIPT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yolo");
    }
}
