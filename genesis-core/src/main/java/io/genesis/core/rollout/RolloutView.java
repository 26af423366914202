package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.util.Optional;

/**
 * A rollout as callers see it: the CLI prints it, the plugin turns it into build actions.
 *
 * @param id the rollout's id
 * @param key the application and environment
 * @param version the version being rolled out
 * @param strategy the strategy's name
 * @param status where it is, or how it ended
 * @param step the current step's position from 1, or 0 before the first
 * @param steps how many steps the plan has
 * @param stepDescription what the current step does, or empty
 * @param weight the traffic weight last asked for the candidate
 * @param reason why it halted or ended, or empty
 * @param approval the open approval request, if it waits for one
 * @param revision how many transitions have been stored
 */
public record RolloutView(
        RolloutId id,
        DeploymentKey key,
        Version version,
        String strategy,
        RolloutStatus status,
        int step,
        int steps,
        String stepDescription,
        Percentage weight,
        String reason,
        Optional<ApprovalRequest> approval,
        long revision) {

    static RolloutView of(RolloutState state) {
        RolloutStatus status = statusOf(state);
        boolean inStep = state.stage() == Stage.RUNNING || state.stage() == Stage.HALTED;
        String reason = switch (state.stage()) {
            case HALTED -> state.haltReason();
            case ROLLING_BACK -> state.rollback().reason();
            case FINISHING, DONE -> state.outcome().reason();
            default -> "";
        };
        Optional<ApprovalRequest> approval = status == RolloutStatus.AWAITING_APPROVAL
                ? Optional.ofNullable(state.progress().approvalRequest())
                : Optional.empty();
        return new RolloutView(
                state.id(),
                state.request().key(),
                state.request().version(),
                state.plan().strategy(),
                status,
                inStep ? state.step() + 1 : 0,
                state.plan().size(),
                inStep ? state.currentStep().describe() : "",
                state.weight(),
                reason == null ? "" : reason,
                approval,
                state.revision());
    }

    private static RolloutStatus statusOf(RolloutState state) {
        return switch (state.stage()) {
            case QUEUED -> RolloutStatus.QUEUED;
            case RUNNING ->
                state.progress().decision() != null ? RolloutStatus.PROGRESSING : runningStatus(state.currentStep());
            case HALTED -> RolloutStatus.HALTED;
            case ROLLING_BACK -> RolloutStatus.ROLLING_BACK;
            case FINISHING, DONE -> RolloutStatus.of(state.outcome().status());
        };
    }

    /** Which status a running step shows: waiting steps have their own, every other step progresses. */
    private static RolloutStatus runningStatus(Step step) {
        if (step instanceof Step.Pause) {
            return RolloutStatus.PAUSED;
        }
        if (step instanceof Step.AwaitApproval) {
            return RolloutStatus.AWAITING_APPROVAL;
        }
        if (step instanceof Step.Analyse) {
            return RolloutStatus.ANALYSING;
        }
        return RolloutStatus.PROGRESSING;
    }
}
