package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Enters and runs the steps of one rollout. Each step reads as a short script that returns as
 * soon as it has to wait, failed, or is done; the orchestrator stores every transition it returns.
 */
final class StepRunner implements Step.Visitor<Next> {

    private final Transitions engine;
    private final RolloutState state;
    private final Bound resources;

    StepRunner(Transitions engine, RolloutState state, Bound resources) {
        this.engine = engine;
        this.state = state;
        this.resources = resources;
    }

    /** Runs the current step as far as it goes now. */
    Next run() {
        return state.currentStep().accept(this);
    }

    /** Stores the rollout as entering step {@code index}: the intent is on disk before any action. */
    RolloutState enter(RolloutState.Editor editor, int index) {
        return new StepEntry(engine, state).enter(editor, index);
    }

    // ---------------------------------------------------------------- the steps

    @Override
    public Next deployCandidate(Step.DeployCandidate step) {
        return command(() -> target().deployCandidate(context()), "deploying the candidate")
                .orElseGet(() -> awaitHealthy(issued(), "candidate"));
    }

    @Override
    public Next smokeCheck(Step.SmokeCheck step) {
        Health health;
        try {
            health = target().smokeCheck(context());
        } catch (RuntimeException e) {
            return engine.fail(state, "smoke check could not run: " + Transitions.describe(e));
        }
        return judgeHealth(state, health, "smoke check");
    }

    @Override
    public Next setWeight(Step.SetWeight step) {
        Optional<TrafficRouter> router = target().trafficRouter();
        if (router.isEmpty()) {
            return engine.fail(state, target().describe() + " no longer offers a traffic router");
        }
        return command(() -> router.get().setWeight(context(), step.weight()), "setting the weight")
                .orElseGet(() -> awaitWeight(issued(), router.get(), step.weight()));
    }

    @Override
    public Next rollingBatch(Step.RollingBatch step) {
        Optional<RollingUpdater> updater = target().rollingUpdater();
        if (updater.isEmpty()) {
            return engine.fail(state, target().describe() + " no longer offers rolling updates");
        }
        return command(() -> updater.get().rollTo(context(), step.share(), step.bounds()), "rolling the batch")
                .orElseGet(() -> awaitHealthy(issued(), "batch of " + step.share()));
    }

    @Override
    public Next pause(Step.Pause step) {
        if (engine.now().isBefore(state.progress().deadline())) {
            return new Next.Wait(state, state.progress().deadline());
        }
        return engine.complete(state, "paused " + Durations.format(step.duration()));
    }

    @Override
    public Next approval(Step.AwaitApproval step) {
        RolloutState.StepProgress progress = state.progress();
        ApprovalRequest request = progress.approvalRequest();
        if (progress.decision() != null) {
            String by = progress.decision().by();
            String comment = progress.decision().comment().isEmpty()
                    ? ""
                    : ": " + progress.decision().comment();
            return progress.decision().approved()
                    ? engine.complete(state, "approved by " + by + comment)
                    : engine.trigger(
                            state, RecordStatus.ROLLED_BACK, "approval rejected by " + by + comment, "rejected");
        }
        if (!engine.now().isBefore(progress.deadline())) {
            String reason = "approval timed out: nobody answered within "
                    + Durations.format(Duration.between(request.requestedAt(), request.deadline()));
            withdraw(request, reason);
            return engine.trigger(state, RecordStatus.ROLLED_BACK, reason, "timed out");
        }
        RolloutState current = state;
        if (!progress.issued()) {
            try {
                engine.approver().request(request);
            } catch (RuntimeException e) {
                return engine.trigger(
                        state,
                        RecordStatus.ROLLED_BACK,
                        "could not ask for approval: " + Transitions.describe(e),
                        "failed");
            }
            current = engine.save(state.edit().progress(progress.markIssued()));
            engine.emit(
                    current,
                    "waiting for approval: " + request.question() + " Who may answer: "
                            + request.describeApprovers() + "; approval opens at " + request.notBefore()
                            + " and times out at " + request.deadline(),
                    RolloutMilestone.AWAITING_APPROVAL);
        }
        return new Next.Wait(current, progress.deadline());
    }

    @Override
    public Next analyse(Step.Analyse step) {
        return new AnalysisStep(engine, state, resources.metrics()).run();
    }

    @Override
    public Next promote(Step.Promote step) {
        Optional<Next> frozen = new PromotionFreeze(engine, state, resources.freezes()).check();
        if (frozen.isPresent()) {
            return frozen.get();
        }
        return command(() -> target().promote(context()), "promoting the candidate")
                .orElseGet(() -> awaitPromoted(issued()));
    }

    @Override
    public Next scaleDownPrevious(Step.ScaleDownPrevious step) {
        String done = "all " + state.plan().size() + " steps completed";
        if (!step.delay().isZero()) {
            Instant due = engine.now().plus(step.delay());
            RolloutState.Editor scheduled = state.edit()
                    .cleanup(new RolloutState.Cleanup(due, false, 0, ""))
                    .journal(state.journal().schedulePhase("previous version kept until " + due));
            return engine.finishing(scheduled, RecordStatus.SUCCEEDED, done + "; previous version kept until " + due);
        }
        String outcome = "completed";
        String detail = "previous version scaled down";
        try {
            target().scaleDownPrevious(context());
        } catch (RuntimeException e) {
            // The candidate already serves everything: a leftover previous version is waste, not a reason to roll back.
            outcome = "failed";
            detail =
                    "scaling the previous version down failed (" + Transitions.describe(e) + "); scale it down by hand";
        }
        return engine.finishing(
                state.edit().journal(state.journal().endPhase(engine.now(), outcome, detail)),
                RecordStatus.SUCCEEDED,
                done);
    }

    @Override
    public Next hook(Step.RunHook step) {
        return new HookStep(engine, state, resources).run(step.hook());
    }

    // ---------------------------------------------------------------- helpers

    /** Sends a command once per step; a failure fails the step. Empty when it was sent (now or before). */
    private Optional<Next> command(Runnable action, String what) {
        if (state.progress().issued()) {
            return Optional.empty();
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            return Optional.of(engine.fail(state, what + " failed: " + Transitions.describe(e)));
        }
        return Optional.empty();
    }

    /** The state with the command marked as sent, stored, unless it already was. */
    private RolloutState issued() {
        if (state.progress().issued()) {
            return state;
        }
        return engine.save(state.edit().progress(state.progress().markIssued()));
    }

    private Next awaitHealthy(RolloutState current, String what) {
        Health health;
        try {
            health = target().health(context());
        } catch (RuntimeException e) {
            // A failed poll is not a failed candidate: ask again until the deadline.
            health = Health.progressing("health check failed: " + Transitions.describe(e));
        }
        return judgeHealth(current, health, what);
    }

    private Next judgeHealth(RolloutState current, Health health, String what) {
        return switch (health.state()) {
            case HEALTHY -> engine.complete(current, what + " " + health);
            case UNHEALTHY -> engine.fail(current, what + " is " + health);
            case PROGRESSING ->
                waitOrGiveUp(
                        current,
                        () -> what + " not healthy within " + Durations.format(engine.healthDeadline(current)) + " ("
                                + health + ")");
        };
    }

    /** Promote is sent once, then polled like health: nothing waits inside a step. */
    private Next awaitPromoted(RolloutState current) {
        Health health;
        try {
            health = target().promoted(context());
        } catch (RuntimeException e) {
            health = Health.progressing("promote check failed: " + Transitions.describe(e));
        }
        if (health.isHealthy()) {
            return engine.complete(current, "the candidate is now the stable version");
        }
        return judgeHealth(current, health, "promote");
    }

    private Next awaitWeight(RolloutState current, TrafficRouter router, Percentage weight) {
        Health applied;
        String problem = "";
        try {
            applied = router.weightApplied(context(), weight);
            if (!applied.isHealthy() && !applied.message().isEmpty()) {
                // What the router awaits (a gateway's report, a reference it cannot resolve): said when it
                // changes, and kept for the record if the deadline passes.
                problem = " (awaiting: " + applied.message() + ")";
                engine.sayAwaiting(current, "weight " + weight + " progressing, awaiting: " + applied.message());
            }
        } catch (RuntimeException e) {
            // Not applied yet; what stands in the way (a quota refusing pods) is said if the deadline passes.
            applied = Health.progressing(Transitions.describe(e));
            problem = " (" + Transitions.describe(e) + ")";
        }
        if (applied.isHealthy()) {
            return engine.complete(current, "router sends " + weight + " to the candidate");
        }
        String last = problem;
        return waitOrGiveUp(
                current,
                () -> "router did not apply " + weight + " within " + Durations.format(engine.healthDeadline(current))
                        + last);
    }

    private Next waitOrGiveUp(RolloutState current, Supplier<String> timedOut) {
        Instant now = engine.now();
        Instant deadline = current.progress().deadline();
        if (!now.isBefore(deadline)) {
            return engine.fail(current, timedOut.get());
        }
        return new Next.Wait(current, min(now.plus(engine.settings().pollInterval()), deadline));
    }

    private void withdraw(ApprovalRequest request, String reason) {
        try {
            engine.approver().withdraw(request, reason);
        } catch (RuntimeException e) {
            engine.emit(state, "could not withdraw the approval request: " + Transitions.describe(e));
        }
    }

    private DeploymentTarget target() {
        return resources.target();
    }

    private DeploymentContext context() {
        return resources.context();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
