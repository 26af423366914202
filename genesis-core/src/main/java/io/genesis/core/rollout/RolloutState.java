package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Step;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine knows about one rollout, stored before each transition is acted on. A
 * fresh engine reading it carries on exactly where the last one stopped.
 *
 * @param id the rollout's id
 * @param revision how many times it was stored; grows by one each time
 * @param request what was asked for
 * @param plan the validated plan
 * @param target the target's description, for records
 * @param owner the engine instance running it
 * @param leaseExpiresAt when the owner's claim lapses without a heartbeat
 * @param submittedAt when it was submitted
 * @param stage where it is in its life
 * @param step the index of the current step (while running)
 * @param progress the current step's progress, or {@code null}
 * @param touched whether a step that changes the target has been entered
 * @param promoted whether promote has been entered
 * @param weight the traffic weight last asked of the router for the candidate
 * @param haltReason why it halted, while halted
 * @param rollback the rollback, once triggered
 * @param outcome how it ended, once it has
 * @param cleanup the scale-down of the previous version, when one is scheduled
 * @param journal what happened so far: phases, approvals, analyses, notes
 */
public record RolloutState(
        RolloutId id,
        long revision,
        RolloutRequest request,
        Plan plan,
        String target,
        String owner,
        Instant leaseExpiresAt,
        Instant submittedAt,
        Stage stage,
        int step,
        StepProgress progress,
        boolean touched,
        boolean promoted,
        Percentage weight,
        String haltReason,
        Rollback rollback,
        Outcome outcome,
        Cleanup cleanup,
        Journal journal) {

    public RolloutState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        target = target == null ? "" : target;
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(stage, "stage");
        weight = weight == null ? Percentage.ZERO : weight;
        journal = journal == null ? Journal.EMPTY : journal;
    }

    /** A rollout just submitted, waiting for its lock. */
    public static RolloutState queued(
            RolloutId id, RolloutRequest request, Plan plan, String target, String owner, Instant now, Instant lease) {
        return new RolloutState(
                id,
                0,
                request,
                plan,
                target,
                owner,
                lease,
                now,
                Stage.QUEUED,
                0,
                null,
                false,
                false,
                Percentage.ZERO,
                null,
                null,
                null,
                null,
                new Journal(List.of(), List.of(), List.of(), plan.notes(), List.of()));
    }

    /** The step being run. */
    public Step currentStep() {
        return plan.step(step);
    }

    /** Whether the rollout has ended and has no scale-down left to do. */
    public boolean settled() {
        return stage == Stage.DONE && (cleanup == null || cleanup.done());
    }

    /** A copy to change. */
    public Editor edit() {
        return new Editor(this);
    }

    /**
     * The progress of the current step. Which fields matter depends on the step: a deadline for
     * health, weights, pauses, approvals and analyses; samples for analyses; the request and
     * decision for approvals.
     *
     * @param enteredAt when the step was entered
     * @param deadline when waiting in this step ends (health deadline, pause end, approval timeout, window end)
     * @param issued whether the step's command was sent to the target, router or approver
     * @param lastSampleAt the end of the last analysis sample (the window's start before the first)
     * @param nextSampleAt when the next analysis sample is due
     * @param analysis the analysis samples so far
     * @param approvalRequest the approval request, for approval steps
     * @param decision the accepted approval decision, once there is one
     */
    public record StepProgress(
            Instant enteredAt,
            Instant deadline,
            boolean issued,
            Instant lastSampleAt,
            Instant nextSampleAt,
            AnalysisRun analysis,
            ApprovalRequest approvalRequest,
            ApprovalRecord decision) {

        public StepProgress {
            Objects.requireNonNull(enteredAt, "enteredAt");
        }

        static StepProgress entered(Instant at, Instant deadline) {
            return new StepProgress(at, deadline, false, null, null, null, null, null);
        }

        StepProgress markIssued() {
            return new StepProgress(
                    enteredAt, deadline, true, lastSampleAt, nextSampleAt, analysis, approvalRequest, decision);
        }

        StepProgress sampled(Instant last, Instant next, AnalysisRun run) {
            return new StepProgress(enteredAt, deadline, issued, last, next, run, approvalRequest, decision);
        }

        StepProgress decided(ApprovalRecord answer) {
            return new StepProgress(
                    enteredAt, deadline, issued, lastSampleAt, nextSampleAt, analysis, approvalRequest, answer);
        }
    }

    /**
     * A rollback, from trigger to restored traffic.
     *
     * @param reason why, with measured values where a breach caused it
     * @param finalStatus the status the rollout ends with once traffic is restored
     * @param triggeredAt when it was triggered
     * @param attempts how many attempts failed so far
     * @param restoredAt when traffic was back on the stable version, once it is
     * @param lastError the last attempt's failure, if any
     * @param afterSuccess whether it undoes a rollout that had already succeeded
     */
    public record Rollback(
            String reason,
            RecordStatus finalStatus,
            Instant triggeredAt,
            int attempts,
            Instant restoredAt,
            String lastError,
            boolean afterSuccess) {

        public Rollback {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(finalStatus, "finalStatus");
            Objects.requireNonNull(triggeredAt, "triggeredAt");
        }

        Rollback restored(Instant at) {
            return new Rollback(reason, finalStatus, triggeredAt, attempts, at, lastError, afterSuccess);
        }

        Rollback failed(String error) {
            return new Rollback(reason, finalStatus, triggeredAt, attempts + 1, restoredAt, error, afterSuccess);
        }
    }

    /**
     * How the rollout ended.
     *
     * @param status the final status
     * @param reason why
     * @param endedAt when
     */
    public record Outcome(RecordStatus status, String reason, Instant endedAt) {
        public Outcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }

    /**
     * The scale-down of the previous version after success.
     *
     * @param dueAt when it is due
     * @param done whether it has run (or was cancelled)
     * @param attempts how many attempts failed so far
     * @param detail what happened
     */
    public record Cleanup(Instant dueAt, boolean done, int attempts, String detail) {
        public Cleanup {
            Objects.requireNonNull(dueAt, "dueAt");
            detail = detail == null ? "" : detail;
        }
    }

    /** A mutable copy of a state, for the engine's transitions. */
    public static final class Editor {
        private final RolloutState base;
        private long revision;
        private String owner;
        private Instant leaseExpiresAt;
        private Stage stage;
        private int step;
        private StepProgress progress;
        private boolean touched;
        private boolean promoted;
        private Percentage weight;
        private String haltReason;
        private Rollback rollback;
        private Outcome outcome;
        private Cleanup cleanup;
        private Journal journal;

        private Editor(RolloutState base) {
            this.base = base;
            this.revision = base.revision;
            this.owner = base.owner;
            this.leaseExpiresAt = base.leaseExpiresAt;
            this.stage = base.stage;
            this.step = base.step;
            this.progress = base.progress;
            this.touched = base.touched;
            this.promoted = base.promoted;
            this.weight = base.weight;
            this.haltReason = base.haltReason;
            this.rollback = base.rollback;
            this.outcome = base.outcome;
            this.cleanup = base.cleanup;
            this.journal = base.journal;
        }

        public Editor revision(long value) {
            this.revision = value;
            return this;
        }

        public Editor owner(String value, Instant leaseUntil) {
            this.owner = value;
            this.leaseExpiresAt = leaseUntil;
            return this;
        }

        public Editor stage(Stage value) {
            this.stage = value;
            return this;
        }

        public Editor step(int index, StepProgress value) {
            this.step = index;
            this.progress = value;
            return this;
        }

        public Editor progress(StepProgress value) {
            this.progress = value;
            return this;
        }

        public Editor touched(boolean value) {
            this.touched = value;
            return this;
        }

        public Editor promoted(boolean value) {
            this.promoted = value;
            return this;
        }

        public Editor weight(Percentage value) {
            this.weight = value;
            return this;
        }

        public Editor haltReason(String value) {
            this.haltReason = value;
            return this;
        }

        public Editor rollback(Rollback value) {
            this.rollback = value;
            return this;
        }

        public Editor outcome(Outcome value) {
            this.outcome = value;
            return this;
        }

        public Editor cleanup(Cleanup value) {
            this.cleanup = value;
            return this;
        }

        public Editor journal(Journal value) {
            this.journal = value;
            return this;
        }

        public Journal journal() {
            return journal;
        }

        public RolloutState build() {
            return new RolloutState(
                    base.id,
                    revision,
                    base.request,
                    base.plan,
                    base.target,
                    owner,
                    leaseExpiresAt,
                    base.submittedAt,
                    stage,
                    step,
                    progress,
                    touched,
                    promoted,
                    weight,
                    haltReason,
                    rollback,
                    outcome,
                    cleanup,
                    journal);
        }
    }
}
