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

class StrategiesTest {

    private static final Capabilities ALL = new Capabilities("test target", true, true);
    private static final Capabilities PLAIN = new Capabilities("plain target", false, false);

    @Test
    void shouldPlanBlueGreenAsTheReleaseGuideSays() {
        Plan plan = Strategies.named("blueGreen").plan(ALL);

        assertThat(plan.describe()).isEqualTo("""
                blueGreen plan:
                  1. deploy candidate
                  2. smoke check
                  3. set weight 10.00 %
                  4. analyse 2 min
                  5. set weight 50.00 %
                  6. analyse 2 min
                  7. set weight 100.00 %
                  8. analyse 5 min
                  9. promote candidate
                  10. keep previous version 24 h, then scale it down""");
        assertThat(PlanValidator.problems(plan, ALL)).isEmpty();
    }

    @Test
    void shouldCollapseBlueGreenIntoOneSwitchWithoutRouter() {
        Plan plan = Strategies.named("blue-green").plan(PLAIN);

        assertThat(plan.steps())
                .containsExactly(
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.Promote(),
                        new Step.Analyse(Duration.ofMinutes(5)),
                        new Step.ScaleDownPrevious(Duration.ofHours(24)));
        assertThat(plan.notes())
                .containsExactly(
                        "plain target has no traffic router: traffic moves in one atomic switch"
                                + " at promote instead of 10.00 % → 50.00 % → 100.00 %; only the last analysis window (5 min) is kept");
        assertThat(PlanValidator.problems(plan, PLAIN)).isEmpty();
    }

    @Test
    void shouldPlanACanaryAsTheReleaseGuideSays() {
        Plan plan = Strategies.named("canary").plan(ALL);

        assertThat(plan.steps())
                .containsExactly(
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.SetWeight(new Percentage(5)),
                        new Step.Analyse(Duration.ofMinutes(10)),
                        new Step.SetWeight(new Percentage(25)),
                        new Step.SetWeight(new Percentage(50)),
                        new Step.SetWeight(Percentage.HUNDRED),
                        new Step.Promote(),
                        new Step.ScaleDownPrevious(Duration.ZERO));
    }

    @ParameterizedTest(name = "surge {0} %, unavailable {1} % -> {2}")
    @CsvSource({
        "25, 0, 25.0 50.0 75.0 100.0",
        "50, 0, 50.0 100.0",
        "100, 0, 100.0",
        "0, 10, 10.0 20.0 30.0 40.0 50.0 60.0 70.0 80.0 90.0 100.0",
        "20, 20, 40.0 80.0 100.0",
        "33.33, 0, 33.33 66.66 99.99 100.0",
    })
    void shouldPlanRollingBatchesWithinTheBounds(double surge, double unavailable, String shares) {
        RollingBounds bounds = new RollingBounds(new Percentage(surge), new Percentage(unavailable));

        Plan plan = Strategies.named("rolling", StrategySettings.DEFAULTS.withRollingBounds(bounds))
                .plan(ALL);

        assertThat(plan.steps().stream()
                        .filter(Step.RollingBatch.class::isInstance)
                        .map(s -> String.valueOf(((Step.RollingBatch) s).share().value()))
                        .toList())
                .containsExactly(shares.split(" "));
        assertThat(plan.steps().get(plan.size() - 1)).isEqualTo(new Step.Promote());
        assertThat(PlanValidator.problems(plan, ALL)).isEmpty();
    }

    @Test
    void shouldUseTheCustomStepsAsGiven() {
        List<Step> steps = StepParser.parse("deploy; promote");

        assertThat(Strategies.named("custom", StrategySettings.DEFAULTS.withCustomSteps(steps))
                        .plan(ALL)
                        .steps())
                .isEqualTo(steps);
    }

    @Test
    void shouldListTheKnownStrategiesForAnUnknownName() {
        assertThatThrownBy(() -> Strategies.named("big-bang"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'big-bang'; known: blueGreen, rolling, canary, custom");
    }

    @Test
    void shouldRefuseStepsForANamedStrategyAndNoStepsForCustom() {
        List<Step> steps = StepParser.parse("deploy; promote");

        assertThatThrownBy(() -> Strategies.named("canary", StrategySettings.DEFAULTS.withCustomSteps(steps)))
                .hasMessage("steps were given for strategy 'canary', which has its own; use strategy 'custom' to write"
                        + " the steps yourself");
        assertThatThrownBy(() -> Strategies.named("custom")).hasMessageStartingWith("strategy 'custom' needs steps");
    }

    @Test
    void shouldKeepBlueAtLeastTheTargetsAbandonedScaleDownDelay() {
        Capabilities propagating = new Capabilities("cluster", true, true, Duration.ofSeconds(30));
        StrategySettings settings = StrategySettings.DEFAULTS.withKeepPrevious(Duration.ZERO);

        Plan plan = Strategies.named("blueGreen", settings).plan(propagating);

        assertThat(plan.steps()).last().isEqualTo(new Step.ScaleDownPrevious(Duration.ofSeconds(30)));
    }

    @Test
    void shouldKeepBlueForKeepPreviousWhenItIsLongerThanTheScaleDownDelay() {
        Capabilities propagating = new Capabilities("cluster", false, true, Duration.ofSeconds(30));
        StrategySettings settings = StrategySettings.DEFAULTS.withKeepPrevious(Duration.ofMinutes(2));

        Plan plan = Strategies.named("blueGreen", settings).plan(propagating);

        assertThat(plan.steps()).last().isEqualTo(new Step.ScaleDownPrevious(Duration.ofMinutes(2)));
    }

    @Test
    void shouldTuneBlueGreenWithShortWindowsAndKeepItsName() {
        StrategySettings settings = StrategySettings.DEFAULTS
                .withShifts(StrategySettings.parseShifts("--shifts", "10:6s, 50 %:6s, 100:6s"))
                .withKeepPrevious(Duration.ofSeconds(4));

        Plan plan = Strategies.named("blueGreen", settings).plan(ALL);

        assertThat(plan.strategy()).isEqualTo("blueGreen");
        assertThat(plan.steps())
                .containsExactly(
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.SetWeight(new Percentage(10)),
                        new Step.Analyse(Duration.ofSeconds(6)),
                        new Step.SetWeight(new Percentage(50)),
                        new Step.Analyse(Duration.ofSeconds(6)),
                        new Step.SetWeight(Percentage.HUNDRED),
                        new Step.Analyse(Duration.ofSeconds(6)),
                        new Step.Promote(),
                        new Step.ScaleDownPrevious(Duration.ofSeconds(4)));
        assertThat(settings.tuned()).isTrue();
        assertThat(settings.describe())
                .isEqualTo("shifts 10.00 % for 6 s → 50.00 % for 6 s → 100.00 % for 6 s; keep previous 4 s");
    }

    @Test
    void shouldTuneCanaryShiftsAndMoveOnAtOnceWhereNoWindowIsGiven() {
        StrategySettings settings =
                StrategySettings.DEFAULTS.withShifts(StrategySettings.parseShifts("--shifts", "20:20s,100"));

        Plan plan = Strategies.named("canary", settings).plan(ALL);

        assertThat(plan.steps())
                .containsExactly(
                        new Step.DeployCandidate(),
                        new Step.SmokeCheck(),
                        new Step.SetWeight(new Percentage(20)),
                        new Step.Analyse(Duration.ofSeconds(20)),
                        new Step.SetWeight(Percentage.HUNDRED),
                        new Step.Promote(),
                        new Step.ScaleDownPrevious(Duration.ZERO));
    }

    @Test
    void shouldRefuseSettingsTheStrategyHasNoUseFor() {
        StrategySettings shifts =
                StrategySettings.DEFAULTS.withShifts(StrategySettings.parseShifts("--shifts", "50:1m,100"));

        assertThatThrownBy(() -> Strategies.named("rolling", shifts))
                .hasMessage("traffic shifts were given for strategy 'rolling', which shifts no traffic by weight;"
                        + " shifts tune blueGreen and canary");
        assertThatThrownBy(() ->
                        Strategies.named("canary", StrategySettings.DEFAULTS.withKeepPrevious(Duration.ofHours(1))))
                .hasMessageStartingWith("keepPrevious was given for strategy 'canary'");
    }

    @Test
    void shouldNameTheBadShiftAndShowTheForm() {
        assertThatThrownBy(() -> StrategySettings.parseShifts("--shifts", "10:2m, 150:2m"))
                .hasMessageStartingWith("--shifts shift 2 '150:2m' is not valid: weight must be")
                .hasMessageEndingWith("; write shifts such as 10:2m, 50:2m, 100:5m");
        assertThatThrownBy(() -> StrategySettings.parseShifts("--shifts", "10:soon"))
                .hasMessageContaining("shift 1 '10:soon' is not valid: analysis window");
        assertThatThrownBy(() -> StrategySettings.parseShifts("shifts", " "))
                .hasMessage("shifts is empty; write shifts such as 10:2m, 50:2m, 100:5m");
    }

    @Test
    void shouldRejectShiftsThatNeverReachAHundredWhenValidated() {
        Plan plan = Strategies.named(
                        "canary", StrategySettings.DEFAULTS.withShifts(StrategySettings.parseShifts("s", "10:1m, 50")))
                .plan(ALL);

        assertThat(PlanValidator.problems(plan, ALL)).isNotEmpty();
    }

    @Test
    void shouldReadTheDefaultsBackFromAbsentValues() {
        StrategySettings settings = new StrategySettings(null, null, null, null);

        assertThat(settings).isEqualTo(StrategySettings.DEFAULTS);
        assertThat(settings.tuned()).isFalse();
        assertThat(settings.describe()).isEqualTo("release guide defaults");
    }

    @Test
    void shouldRefuseStrategiesWithoutShifts() {
        assertThatThrownBy(() -> new BlueGreenStrategy(List.of(), Duration.ZERO))
                .hasMessage("blue-green needs at least one traffic shift, ending at 100 %");
        assertThatThrownBy(() -> new CanaryStrategy(List.of()))
                .hasMessage("canary needs at least one traffic shift, ending at 100 %");
    }

    @Test
    void shouldReadStrategyNamesLeniently() {
        assertThat(StrategyName.named(" Blue_Green ")).isEqualTo(StrategyName.BLUE_GREEN);
        assertThat(StrategyName.named("ROLLING").label()).isEqualTo("rolling");
        assertThat(new CustomStrategy(List.of()).name()).isEqualTo("custom");
        assertThat(new RollingStrategy().name()).isEqualTo("rolling");
        assertThat(new CanaryStrategy().name()).isEqualTo("canary");
    }
}
