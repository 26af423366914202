package io.genesis.core.rollout;

import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a request's hooks into its plan as steps: {@code beforeDeploy} before the first step that
 * touches the target, {@code preTraffic} before the first step that sends traffic (a weight, a
 * batch, promote), {@code afterPromotion} right after promote. {@code onRollback} hooks run with the
 * rollback instead. Where a phase has no place (a rolling plan has no moment before traffic), the
 * plan's validator says so.
 */
final class HookPlacement {

    private HookPlacement() {}

    static Plan place(Plan plan, List<Hook> hooks) {
        Plan placed = plan;
        for (Hook hook : hooks) {
            if (hook.phase() == HookPhase.ON_ROLLBACK) {
                placed = placed.withNote(
                        "onRollback hook runs once a rollback has restored traffic: " + hook.describe());
                continue;
            }
            List<Step> steps = new ArrayList<>(placed.steps());
            steps.add(at(steps, hook.phase()), new Step.RunHook(hook));
            placed = new Plan(placed.strategy(), steps, placed.notes());
        }
        return placed;
    }

    /** Where a hook of {@code phase} goes, after the hooks of its phase already placed. */
    private static int at(List<Step> steps, HookPhase phase) {
        int index = switch (phase) {
            case BEFORE_DEPLOY -> first(steps, Step::touchesTarget);
            case PRE_TRAFFIC ->
                first(
                        steps,
                        step -> step instanceof Step.SetWeight
                                || step instanceof Step.RollingBatch
                                || step instanceof Step.Promote);
            case AFTER_PROMOTION -> first(steps, Step.Promote.class::isInstance) + 1;
            case ON_ROLLBACK -> throw new IllegalArgumentException("onRollback hooks are not steps");
        };
        int bounded = Math.min(index, steps.size());
        // Hooks of the phase placed before this one come first: they run in the order given. Before deploy
        // and before traffic that holds already, as each is placed right before the same step.
        while (phase == HookPhase.AFTER_PROMOTION
                && bounded < steps.size()
                && steps.get(bounded) instanceof Step.RunHook later
                && later.hook().phase() == phase) {
            bounded++;
        }
        return bounded;
    }

    private static int first(List<Step> steps, java.util.function.Predicate<Step> wanted) {
        for (int i = 0; i < steps.size(); i++) {
            if (wanted.test(steps.get(i))) {
                return i;
            }
        }
        return steps.size();
    }
}
