package io.genesis.core.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.time.TimeJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants every plan keeps, whatever the strategy, its settings or the steps a person wrote. */
class PlanPropertiesTest {

    private static final ObjectMapper JSON = TimeJson.mapper();

    @Property
    void namedStrategiesMakeValidPlansOnAnyTargetThatCanRunThem(
            @ForAll("strategies") String strategy, @ForAll boolean router, @ForAll boolean rolling) {
        Capabilities capabilities = new Capabilities("target", router, rolling);
        Plan plan = Strategies.named(strategy).plan(capabilities);
        boolean runnable = switch (StrategyName.named(strategy)) {
            case CANARY -> router;
            case ROLLING -> rolling;
            default -> true;
        };

        assertThat(PlanValidator.problems(plan, capabilities).isEmpty()).isEqualTo(runnable);
        assertThat(plan.steps().stream().filter(Step.Promote.class::isInstance)).hasSize(1);
        assertThat(plan.steps().stream().anyMatch(Step.SetWeight.class::isInstance))
                .as("weights only where a router can apply them, or where the plan is refused")
                .isEqualTo(strategy.equals("canary") || (strategy.equals("blueGreen") && router));
    }

    @Property
    void weightsRiseStrictlyToOneHundredBeforePromote(@ForAll("strategies") String strategy) {
        Plan plan = Strategies.named(strategy).plan(new Capabilities("target", true, true));

        List<Double> weights = new ArrayList<>();
        int promote = -1;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.step(i) instanceof Step.SetWeight weight) {
                weights.add(weight.weight().value());
                assertThat(promote).as("weights come before promote").isNegative();
            }
            if (plan.step(i) instanceof Step.Promote) {
                promote = i;
            }
        }
        assertThat(weights).isSorted().doesNotHaveDuplicates();
        if (!weights.isEmpty()) {
            assertThat(weights.get(weights.size() - 1)).isEqualTo(100.0);
        }
    }

    @Property
    void rollingPlansStayWithinTheirBoundsAndReachEveryInstance(
            @ForAll @DoubleRange(min = 0, max = 100) double surge,
            @ForAll @DoubleRange(min = 0, max = 99.99) double unavailable) {
        if (surge + unavailable < 0.5) {
            return;
        }
        RollingBounds bounds = new RollingBounds(
                new Percentage(Math.round(surge * 100) / 100.0), new Percentage(Math.round(unavailable * 100) / 100.0));
        Plan plan = new RollingStrategy(bounds).plan(new Capabilities("target", false, true));

        assertThat(PlanValidator.problems(plan, new Capabilities("target", false, true)))
                .isEmpty();
        Step.RollingBatch last = (Step.RollingBatch) plan.step(plan.size() - 2);
        assertThat(last.share()).isEqualTo(Percentage.HUNDRED);
        assertThat(plan.size() - 1).isLessThanOrEqualTo((int) Math.ceil(100 / bounds.batch()) + 1);
    }

    @Property
    void handWrittenPlansThatFollowTheRulesAreAccepted(@ForAll("validCustomSteps") List<Step> steps) {
        assertThat(PlanValidator.problems(Plan.of("custom", steps), new Capabilities("target", true, true)))
                .isEmpty();
    }

    @Property
    void aWeightThatDoesNotRiseIsReportedWithItsPosition(
            @ForAll("validCustomSteps") List<Step> steps, @ForAll @IntRange(min = 0, max = 50) int pick) {
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.SetWeight) {
                weights.add(i);
            }
        }
        if (weights.size() < 2) {
            return;
        }
        int index = weights.get(1 + pick % (weights.size() - 1));
        Step.SetWeight before = (Step.SetWeight) steps.get(weights.get(weights.indexOf(index) - 1));
        List<Step> broken = new ArrayList<>(steps);
        broken.set(index, new Step.SetWeight(before.weight()));

        assertThat(PlanValidator.problems(Plan.of("custom", broken), new Capabilities("target", true, true)))
                .anySatisfy(problem -> assertThat(problem).startsWith("step " + (index + 1) + " (setWeight): weight "));
    }

    @Property
    void aDurationThatIsNotPositiveIsReportedWithItsPosition(
            @ForAll("validCustomSteps") List<Step> steps,
            @ForAll @IntRange(min = 0, max = 50) int pick,
            @ForAll @IntRange(min = -3600, max = 0) int seconds) {
        List<Integer> timed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.Pause || steps.get(i) instanceof Step.Analyse) {
                timed.add(i);
            }
        }
        if (timed.isEmpty()) {
            return;
        }
        int index = timed.get(pick % timed.size());
        List<Step> broken = new ArrayList<>(steps);
        broken.set(
                index,
                steps.get(index) instanceof Step.Pause
                        ? new Step.Pause(Duration.ofSeconds(seconds))
                        : new Step.Analyse(Duration.ofSeconds(seconds)));

        assertThat(PlanValidator.problems(Plan.of("custom", broken), new Capabilities("target", true, true)))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith(
                                "step " + (index + 1) + " (" + broken.get(index).kind() + "): ")
                        .contains("must be positive"));
    }

    @Property
    void plansSurviveTheirStoredForm(@ForAll("validCustomSteps") List<Step> steps) throws Exception {
        Plan plan = new Plan("custom", steps, List.of("a note"));

        assertThat(JSON.readValue(JSON.writeValueAsString(plan), Plan.class)).isEqualTo(plan);
    }

    @Provide
    Arbitrary<String> strategies() {
        return Arbitraries.of("blueGreen", "rolling", "canary");
    }

    /** deploy, [smoke], rising weights to 100 each maybe followed by analysis or a pause, promote, [scale down]. */
    @Provide
    Arbitrary<List<Step>> validCustomSteps() {
        Arbitrary<TreeSet<Integer>> weights =
                Arbitraries.integers().between(1, 99).set().ofMaxSize(5).map(TreeSet::new);
        Arbitrary<List<Integer>> waits =
                Arbitraries.integers().between(0, 2).list().ofSize(6);
        Arbitrary<List<Integer>> minutes =
                Arbitraries.integers().between(1, 600).list().ofSize(6);
        return Combinators.combine(weights, waits, minutes, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((rising, kinds, lengths, smoke, scaleDown) -> {
                    List<Step> steps = new ArrayList<>();
                    steps.add(new Step.DeployCandidate());
                    if (smoke) {
                        steps.add(new Step.SmokeCheck());
                    }
                    List<Integer> all = new ArrayList<>(rising);
                    all.add(100);
                    for (int i = 0; i < all.size(); i++) {
                        steps.add(new Step.SetWeight(new Percentage(all.get(i))));
                        Duration length = Duration.ofMinutes(lengths.get(i));
                        switch (kinds.get(i)) {
                            case 1 -> steps.add(new Step.Analyse(length));
                            case 2 -> steps.add(new Step.Pause(length));
                            default -> {
                                // move on at once
                            }
                        }
                    }
                    steps.add(new Step.Promote());
                    if (scaleDown) {
                        steps.add(new Step.ScaleDownPrevious(Duration.ofMinutes(lengths.get(0))));
                    }
                    return steps;
                });
    }
}
