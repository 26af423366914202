package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.PlanValidator;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.Strategies;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookPlacementTest {

    private static final Capabilities ROUTER = new Capabilities("sandbox", true, true);

    @Test
    void shouldPlaceEachPhaseWhereItsNameSays() {
        Plan plan = HookPlacement.place(
                Strategies.named("canary").plan(ROUTER),
                List.of(
                        Hook.command(HookPhase.AFTER_PROMOTION, "./announce.sh"),
                        Hook.command(HookPhase.PRE_TRAFFIC, "./smoke.sh"),
                        Hook.command(HookPhase.BEFORE_DEPLOY, "./backup.sh"),
                        Hook.command(HookPhase.PRE_TRAFFIC, "./contract.sh"),
                        Hook.command(HookPhase.AFTER_PROMOTION, "./tag.sh")));

        List<String> kinds = plan.steps().stream().map(HookPlacementTest::name).toList();
        assertThat(kinds.subList(0, 5))
                .containsExactly(
                        "hook ./backup.sh", "deployCandidate", "smokeCheck", "hook ./smoke.sh", "hook ./contract.sh");
        assertThat(kinds.get(5)).isEqualTo("setWeight");
        int promote = kinds.indexOf("promote");
        assertThat(kinds.subList(promote, promote + 3))
                .containsExactly("promote", "hook ./announce.sh", "hook ./tag.sh");
        assertThat(PlanValidator.problems(plan, ROUTER)).isEmpty();
    }

    @Test
    void shouldKeepTheRollbackHookOutOfThePlanAndSaySo() {
        Plan plan = HookPlacement.place(
                Strategies.named("blueGreen").plan(ROUTER), List.of(Hook.command(HookPhase.ON_ROLLBACK, "./page.sh")));

        assertThat(plan.steps()).noneMatch(Step.RunHook.class::isInstance);
        assertThat(plan.notes())
                .contains("onRollback hook runs once a rollback has restored traffic: command './page.sh'");
    }

    @Test
    void shouldRefuseAPreTrafficHookInARollingPlanWithWhatToUse() {
        Plan plan = HookPlacement.place(
                Strategies.named("rolling").plan(ROUTER), List.of(Hook.command(HookPhase.PRE_TRAFFIC, "./smoke.sh")));

        assertThat(PlanValidator.problems(plan, ROUTER))
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("step 1 (hook): a preTraffic hook needs a candidate deployed beside the stable"
                                + " version, before traffic; rolling sends traffic to each batch, so use blueGreen"
                                + " or canary"));
    }

    @Test
    void shouldRefuseAHookStepOutOfPlaceInACustomPlan() {
        Plan plan = Plan.of(
                "custom",
                List.of(
                        new Step.DeployCandidate(),
                        new Step.Promote(),
                        new Step.RunHook(Hook.command(HookPhase.PRE_TRAFFIC, "./smoke.sh")),
                        new Step.RunHook(Hook.command(HookPhase.BEFORE_DEPLOY, "./backup.sh"))));

        assertThat(PlanValidator.problems(plan, ROUTER))
                .containsExactly(
                        "step 3 (hook): a preTraffic hook must come before the first traffic weight and before promote",
                        "step 4 (hook): a beforeDeploy hook must come before anything is deployed");
    }

    private static String name(Step step) {
        return step instanceof Step.RunHook hook ? "hook " + hook.hook().command() : step.kind();
    }
}
