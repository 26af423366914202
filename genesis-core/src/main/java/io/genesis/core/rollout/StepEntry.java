package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Step;
import java.time.Instant;

/**
 * Enters a step: stores what the step will need (its deadline, its approval request, its first
 * sample time) and what it changes (weight, touched, promoted) before the step acts.
 */
final class StepEntry {

    private final Transitions engine;
    private final RolloutState state;

    StepEntry(Transitions engine, RolloutState state) {
        this.engine = engine;
        this.state = state;
    }

    /** Stores the rollout as entering step {@code index}: the intent is on disk before any action. */
    RolloutState enter(RolloutState.Editor editor, int index) {
        Step step = state.plan().step(index);
        Instant now = engine.now();
        RolloutState.Editor entering = editor.stage(Stage.RUNNING).step(index, progress(step, index, now));
        if (step.touchesTarget()) {
            entering.touched(true);
        }
        if (step instanceof Step.SetWeight weight) {
            entering.weight(weight.weight());
        }
        if (step instanceof Step.Promote) {
            entering.promoted(true).weight(Percentage.HUNDRED);
        }
        entering.journal(entering.journal()
                .startPhase(new PhaseRecord(index + 1, step.kind(), step.describe(), now, null, "", "")));
        RolloutState entered = engine.save(entering);
        engine.emit(entered, "step " + (index + 1) + "/" + state.plan().size() + ": " + step.describe());
        return entered;
    }

    private RolloutState.StepProgress progress(Step step, int index, Instant now) {
        Instant progressDeadline = now.plus(engine.healthDeadline(state));
        if (step instanceof Step.Pause pause) {
            return RolloutState.StepProgress.entered(now, now.plus(pause.duration()));
        }
        if (step instanceof Step.Analyse analyse) {
            Instant end = now.plus(analyse.window());
            Instant first = min(now.plus(state.request().analysis().sampleInterval()), end);
            return new RolloutState.StepProgress(now, end, false, now, first, AnalysisRun.empty(), null, null);
        }
        if (step instanceof Step.RunHook hook) {
            return RolloutState.StepProgress.entered(now, now.plus(hook.hook().budget()));
        }
        if (step instanceof Step.AwaitApproval) {
            ApprovalRequest request = approvalRequest(index, now);
            return new RolloutState.StepProgress(now, request.deadline(), false, null, null, null, request, null);
        }
        return RolloutState.StepProgress.entered(now, progressDeadline);
    }

    private ApprovalRequest approvalRequest(int index, Instant now) {
        RolloutRequest request = state.request();
        ApprovalPolicy policy = request.approval();
        // A custom plan may ask for approval where the environment names nobody: administrators only.
        boolean administratorsOnly =
                policy.approvers().isEmpty() && policy.approverGroups().isEmpty();
        return new ApprovalRequest(
                state.id().value() + "-approval-" + (index + 1),
                state.id().value(),
                request.key(),
                request.version(),
                state.plan().strategy(),
                "Deploy " + request.version() + " of " + request.key().application() + " to "
                        + request.key().environment() + " with " + state.plan().strategy() + "?",
                policy.approvers(),
                policy.approverGroups(),
                administratorsOnly,
                request.initiator(),
                policy.preventSelfApproval(),
                now,
                now.plus(policy.waitTimer()),
                now.plus(policy.timeout()),
                request.initiatorAccount());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
