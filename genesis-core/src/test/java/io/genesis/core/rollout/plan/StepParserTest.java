package io.genesis.core.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepParserTest {

    @Test
    void shouldReadEveryKindOfStep() {
        assertThat(StepParser.parse("deploy; smoke; weight 20%; analyse 5m; approval\npause 1h30m; weight 100;"
                        + " promote; scaleDown 24h"))
                .containsExactly(
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.SetWeight(new Percentage(20)),
                        new Step.Analyse(Duration.ofMinutes(5)),
                        new Step.AwaitApproval(),
                        new Step.Pause(Duration.ofMinutes(90)),
                        new Step.SetWeight(Percentage.HUNDRED),
                        new Step.Promote(),
                        new Step.ScaleDownPrevious(Duration.ofHours(24)));
    }

    @Test
    void shouldReadRollingBatchesWithTheirBounds() {
        assertThat(StepParser.parse("batch 30 surge 20 unavailable 10; rollingBatch 60; scaleDown"))
                .containsExactly(
                        new Step.RollingBatch(
                                new Percentage(30), new RollingBounds(new Percentage(20), new Percentage(10))),
                        new Step.RollingBatch(new Percentage(60), RollingBounds.DEFAULT),
                        new Step.ScaleDownPrevious(Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "deploy; jump 3 | step 2 'jump 3' is not valid: unknown step 'jump'; known: deploy, smoke, weight <percent>,",
                "weight | step 1 'weight' is not valid: 'weight' needs a value, such as 'weight 10'",
                "weight 10 20 | step 1 'weight 10 20' is not valid: 'weight' takes one value, got 2",
                "promote now | step 1 'promote now' is not valid: 'promote' takes no value",
                "weight 120 | step 1 'weight 120' is not valid: weight must be between 0 and 100, got 120.0",
                "pause soon | step 1 'pause soon' is not valid: pause must be a duration such as 30s, 2m, 24h or 1h30m, got 'soon'",
                "batch 25 speed 3 | step 1 'batch 25 speed 3' is not valid: unknown batch setting 'speed'; known: surge, unavailable",
                "batch 25 surge | step 1 'batch 25 surge' is not valid: batch settings come in pairs",
                "batch 25 surge 0 unavailable 0 | step 1 'batch 25 surge 0 unavailable 0' is not valid: maxSurge and maxUnavailable are both 0 %",
            })
    void shouldNameTheStepItCannotRead(String text, String message) {
        assertThatThrownBy(() -> StepParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shouldRefuseNoSteps() {
        assertThatThrownBy(() -> StepParser.parse(" ; \n"))
                .hasMessageStartingWith("no steps given; write steps such as: deploy, smoke");
        assertThatThrownBy(() -> StepParser.parse(null)).hasMessageStartingWith("no steps given");
    }
}
