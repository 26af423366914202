package io.genesis.core.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanValidatorTest {

    private static final Capabilities ALL = new Capabilities("test target", true, true);
    private static final Capabilities PLAIN = new Capabilities("plain target", false, false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "deploy; weight 50; weight 20; promote | step 3 (setWeight): weight 20.00 % must rise above the previous weight 50.00 %",
                "deploy; weight 50; weight 50; weight 100; promote | step 3 (setWeight): weight 50.00 % must rise above the previous weight 50.00 %",
                "deploy; weight 0; weight 100; promote | step 2 (setWeight): weight must be above 0 %, got 0.00 %",
                "deploy; weight 50; promote | step 3 (promote): traffic reaches only 50.00 % before promote; the last weight must be 100 %",
                "deploy; pause 0s; promote | step 2 (pause): pause duration must be positive, got PT0S",
                "deploy; analyse 0s; promote | step 2 (analysis): analysis window must be positive, got PT0S",
                "weight 100; deploy; promote | step 1 (setWeight): nothing is deployed yet; put a deployCandidate step (or rolling batches) first",
                "smoke; deploy; promote | step 1 (smokeCheck): nothing is deployed yet; put a deployCandidate step (or rolling batches) first",
                "deploy; deploy; promote | step 2 (deployCandidate): deploys the candidate a second time; keep one deployCandidate step",
                "deploy; promote; promote | step 3 (promote): promotes a second time; keep one promote step",
                "deploy; weight 100 | the plan never promotes the candidate; add a promote step once traffic reaches 100 %",
                "deploy; scaleDown; promote | step 2 (scaleDownPrevious): scales the previous version down before the candidate is promoted",
                "deploy; promote; scaleDown 1h; analyse 5m | step 3 (scaleDownPrevious): must be the last step, because it runs after the rollout has succeeded",
                "deploy; promote; weight 100 | step 3 (setWeight): comes after promote; only analysis, pauses and scaleDownPrevious may follow it",
                "deploy; promote; approval | step 3 (approval): asks for approval after promote, when there is nothing left to approve",
                "batch 25; batch 20; batch 100; promote | step 2 (rollingBatch): share 20.00 % must rise above the previous batch's 25.00 %",
                "batch 25; batch 100; promote | step 2 (rollingBatch): moves 75.00 points in one batch, more than max surge 25.00 %, max unavailable 0.00 % allow",
                "batch 25; batch 50; promote | step 3 (promote): only 50.00 % of instances run the candidate before promote; the last batch must reach 100 %",
                "deploy; batch 100; promote | step 2 (rollingBatch): mixes rolling batches with a separate candidate or traffic weights; a rolling plan only has batches",
                "batch 100; deploy; promote | step 2 (deployCandidate): a rolling plan replaces instances in place; remove deployCandidate",
                "batch 100; weight 100; promote | step 2 (setWeight): mixes traffic weights with rolling batches; use one or the other",
                "batch 0; batch 25; batch 50; batch 75; batch 100; promote | step 1 (rollingBatch): share must be above 0 %, got 0.00 %",
            })
    void shouldNameTheBadStepByPositionAndKind(String steps, String problem) {
        Plan plan = Plan.of("custom", StepParser.parse(steps));

        assertThat(PlanValidator.problems(plan, ALL)).contains(problem);
        assertThatThrownBy(() -> PlanValidator.requireValid(plan, ALL))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("the custom plan is not valid:")
                .hasMessageContaining(problem);
    }

    @Test
    void shouldRefuseAnEmptyPlan() {
        assertThat(PlanValidator.problems(Plan.of("custom", List.of()), ALL))
                .containsExactly("the plan has no steps; it needs at least a promote step");
    }

    @Test
    void shouldRefuseANegativeScaleDownDelay() {
        Plan plan = Plan.of(
                "custom",
                List.of(
                        new Step.DeployCandidate(),
                        new Step.Promote(),
                        new Step.ScaleDownPrevious(Duration.ofMinutes(-1))));

        assertThat(PlanValidator.problems(plan, ALL))
                .containsExactly("step 3 (scaleDownPrevious): delay must not be negative, got PT-1M");
    }

    @Test
    void shouldRefuseWhatTheTargetCannotDo() {
        Plan weights = Plan.of("custom", StepParser.parse("deploy; weight 100; promote"));
        Plan batches = Plan.of("custom", StepParser.parse("batch 100 surge 100; promote"));

        assertThat(PlanValidator.problems(weights, PLAIN))
                .containsExactly("step 2 (setWeight): plain target has no traffic"
                        + " router, and weights need one; use blueGreen (one atomic switch) or rolling");
        assertThat(PlanValidator.problems(batches, PLAIN))
                .containsExactly(
                        "step 1 (rollingBatch): plain target cannot replace instances in batches; use blueGreen or canary");
    }

    @Test
    void shouldListEveryProblemAtOnce() {
        Plan plan = Plan.of("custom", StepParser.parse("weight 50; pause 0s; weight 20"));

        InvalidPlanException problem = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidPlanException.class, () -> PlanValidator.requireValid(plan, ALL));

        assertThat(problem.problems()).hasSize(5);
    }

    @Test
    void shouldAcceptAPlanThatFollowsTheRules() {
        Plan plan = Plan.of(
                "custom",
                List.of(
                        new Step.AwaitApproval(),
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.SetWeight(new Percentage(20)),
                        new Step.Analyse(Duration.ofMinutes(5)),
                        new Step.Pause(Duration.ofMinutes(1)),
                        new Step.SetWeight(Percentage.HUNDRED),
                        new Step.Promote(),
                        new Step.Analyse(Duration.ofHours(48)),
                        new Step.ScaleDownPrevious(Duration.ofHours(24))));

        assertThat(PlanValidator.requireValid(plan, ALL)).isSameAs(plan);
        assertThat(PlanValidator.problems(
                        Plan.of(
                                "rolling",
                                List.of(
                                        new Step.RollingBatch(
                                                new Percentage(50),
                                                new RollingBounds(new Percentage(50), Percentage.ZERO)),
                                        new Step.RollingBatch(
                                                Percentage.HUNDRED,
                                                new RollingBounds(new Percentage(50), Percentage.ZERO)),
                                        new Step.Promote())),
                        ALL))
                .isEmpty();
    }
}
