package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.ApprovalRules;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.Step;
import java.time.Instant;
import java.util.Optional;

/**
 * What people do to a rollout: answer its approval, resume it after an inconclusive analysis, roll
 * it back. Each is stored under the rollout's lock; the caller then ticks it on.
 */
final class Interventions {

    /** How a person's rollback begins its reason. */
    static final String ROLLED_BACK_BY = "rolled back by ";

    private final Transitions transitions;
    private final Rollbacks rollbacks;

    Interventions(Transitions transitions, Rollbacks rollbacks) {
        this.transitions = transitions;
        this.rollbacks = rollbacks;
    }

    /** See {@link Orchestrator#decide}; call holding the rollout's lock. */
    void decide(RolloutId id, ApprovalDecision decision) {
        RolloutState state = transitions.load(id);
        if (state.stage() != Stage.RUNNING
                || !(state.currentStep() instanceof Step.AwaitApproval)
                || state.progress().approvalRequest() == null
                || state.progress().decision() != null) {
            throw new IllegalStateException("rollout " + id + " is not waiting for approval; it is "
                    + RolloutView.of(state).status());
        }
        Instant now = transitions.now();
        ApprovalRequest request = state.progress().approvalRequest();
        Optional<String> refusal = ApprovalRules.refusal(request, decision, now);
        if (refusal.isPresent()) {
            transitions.emit(state, "approval answer refused: " + refusal.get());
            throw new ApprovalRefusedException(refusal.get());
        }
        ApprovalRecord answer = new ApprovalRecord(
                decision.by().id(), now, decision.approved(), decision.comment(), decision.account());
        RolloutState decided = transitions.save(state.edit()
                .progress(state.progress().decided(answer))
                .journal(state.journal().approval(answer)));
        transitions.emit(
                decided,
                (decision.approved() ? "approved" : "rejected") + " by "
                        + decision.by().id() + (decision.comment().isEmpty() ? "" : ": " + decision.comment()));
    }

    /** See {@link Orchestrator#resume}; call holding the rollout's lock. */
    void resume(RolloutId id, String by) {
        RolloutState state = transitions.load(id);
        if (state.stage() != Stage.HALTED) {
            throw new IllegalStateException("rollout " + id + " is not halted; it is "
                    + RolloutView.of(state).status());
        }
        RolloutState resumed = transitions
                .steps(state)
                .enter(
                        state.edit()
                                .haltReason(null)
                                .journal(state.journal().note("resumed by " + by + " at " + transitions.now())),
                        state.step());
        transitions.emit(resumed, "resumed by " + by);
    }

    /** See {@link Orchestrator#rollback}; call holding the rollout's lock. */
    void rollback(RolloutId id, String reason, String by) {
        String why = ROLLED_BACK_BY + by + ": " + reason;
        String cancelled = "cancelled by " + by + ": " + reason;
        RolloutState state = transitions.load(id);
        switch (state.stage()) {
            case QUEUED -> transitions.finishing(state, RecordStatus.ABORTED, cancelled);
            case RUNNING, HALTED -> {
                // Untouched, trigger() ends it ABORTED: the words must say so, not "rolled back".
                String words = state.touched() ? why : cancelled;
                transitions.trigger(state, RecordStatus.ROLLED_BACK, words, "interrupted");
            }
            case ROLLING_BACK, FINISHING -> {
                // Already on its way out for the engine's own reason, which stays the record's reason; the
                // person's words join the record as a note, so who asked and why is never lost.
                transitions.save(state.edit()
                        .journal(state.journal()
                                .note("rollback asked by " + by + " at " + transitions.now() + ": " + reason
                                        + " (a rollback was already under way)")));
            }
            case DONE -> rollbacks.afterSuccess(state, why);
        }
    }
}
