package io.genesis.core.rollout;

import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.PlanValidator;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.time.Durations;
import java.util.Optional;

/** Expands a request into its validated plan, with the notes a reader of the record needs. */
final class Planner {

    private Planner() {}

    /**
     * @throws io.genesis.core.rollout.plan.InvalidPlanException when the plan is not valid
     * @throws RolloutRefusedException when the plan analyses metrics but no source was given
     */
    static Plan plan(RolloutRequest request, Capabilities capabilities, DeploymentTarget target) {
        Plan plan =
                Strategies.named(request.strategy(), request.strategySettings()).plan(capabilities);
        boolean batches = plan.steps().stream().anyMatch(Step.RollingBatch.class::isInstance);
        Optional<String> limits = batches ? target.rollingUpdater().flatMap(RollingUpdater::limits) : Optional.empty();
        if (limits.isPresent()) {
            plan = plan.withNote(limits.get());
        }
        if (request.strategySettings().tuned()) {
            plan = plan.withNote(plan.strategy() + " tuned for this rollout: "
                    + request.strategySettings().describe());
        }
        if (request.approval().required()
                && (plan.steps().isEmpty() || !(plan.step(0) instanceof Step.AwaitApproval))) {
            plan = plan.startingWith(
                    new Step.AwaitApproval(),
                    request.key().environment() + " requires approval before anything is deployed (wait timer "
                            + Durations.format(request.approval().waitTimer()) + ", timeout "
                            + Durations.format(request.approval().timeout()) + ")");
        }
        plan = HookPlacement.place(plan, request.hooks());
        PlanValidator.requireValid(plan, capabilities);
        boolean analyses = plan.steps().stream().anyMatch(Step.Analyse.class::isInstance);
        if (analyses && request.metrics() == null) {
            throw new RolloutRefusedException("the " + plan.strategy() + " plan analyses metrics, but no metric source"
                    + " was given; name one (for example Prometheus) or use a plan without analysis steps");
        }
        return plan;
    }
}
