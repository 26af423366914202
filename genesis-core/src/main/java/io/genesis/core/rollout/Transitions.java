package io.genesis.core.rollout;

import io.genesis.core.approval.Approver;
import io.genesis.core.engine.Leases;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.target.DeploymentKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transitions of the rollout state machine that steps, rollbacks and people's actions share:
 * each one stores the next revision before anything acts on it, and says what happened.
 */
final class Transitions {

    private final EngineSettings settings;
    private final Clock clock;
    private final RolloutStateStore states;
    private final Leases<RolloutId> leases;
    private final RolloutListener listener;
    private final Approver approver;
    private final Bindings bindings;
    /** The last thing each rollout's step was said to await, so that each new one is said once. */
    private final Map<String, String> awaiting = new ConcurrentHashMap<>();

    Transitions(
            EngineSettings settings,
            Clock clock,
            RolloutStateStore states,
            Leases<RolloutId> leases,
            RolloutListener listener,
            Approver approver,
            Bindings bindings) {
        this.settings = settings;
        this.clock = clock;
        this.states = states;
        this.leases = leases;
        this.listener = listener;
        this.approver = approver;
        this.bindings = bindings;
    }

    EngineSettings settings() {
        return settings;
    }

    /**
     * How long a step of {@code state} may wait to be healthy or applied, and a rollback for traffic to be
     * back: the deadline its environment (or its deploy) set, else this engine's.
     */
    Duration healthDeadline(RolloutState state) {
        return state.request().healthDeadlineOr(settings.progressDeadline());
    }

    Instant now() {
        return clock.instant();
    }

    Approver approver() {
        return approver;
    }

    Bound bindings(RolloutState state) {
        return bindings.of(state);
    }

    /** The steps of {@code state}, run against what it drives. */
    StepRunner steps(RolloutState state) {
        return new StepRunner(this, state, bindings.of(state));
    }

    /**
     * Whether this engine may run {@code state} now: it owns it, its owner's lease lapsed, or it has ended;
     * never once its lock was lost to another claim.
     */
    boolean mayRun(RolloutState state) {
        return !leases.fenced(state.id())
                && (state.stage() == Stage.DONE || !leases.heldByOther(state.owner(), state.leaseExpiresAt()));
    }

    /** Takes over {@code state} when its owner died, and says so in its journal. */
    RolloutState adoptIfOrphaned(RolloutState state) {
        if (state.owner().equals(settings.owner()) || state.stage() == Stage.DONE) {
            return state;
        }
        RolloutState adopted = save(state.edit()
                .journal(state.journal()
                        .note("adopted by " + settings.owner() + " at " + clock.instant()
                                + " after owner " + state.owner() + " stopped ("
                                + (leases.ownerEnded(state.owner())
                                        ? "its process has ended"
                                        : "lease expired at " + state.leaseExpiresAt())
                                + ")")));
        emit(adopted, "adopted from " + state.owner());
        return adopted;
    }

    RolloutState load(RolloutId id) {
        return states.load(id).orElseThrow(() -> new IllegalArgumentException("unknown rollout " + id));
    }

    /** Stores {@code editor}'s state as the next revision, claimed by this engine, and returns it. */
    RolloutState save(RolloutState.Editor editor) {
        RolloutState built = editor.build();
        RolloutState next = built.edit()
                .revision(built.revision() + 1)
                .owner(settings.owner(), clock.instant().plus(settings.leaseTtl()))
                .build();
        states.save(next);
        DeploymentKey held = next.stage().holdsLock() && next.stage() != Stage.FINISHING
                ? next.request().key()
                : null;
        leases.stored(next.id(), next.leaseExpiresAt(), held);
        return next;
    }

    /** Says {@code line}, what {@code state}'s current step awaits, unless it was the last thing said for that step. */
    void sayAwaiting(RolloutState state, String line) {
        if (!line.equals(awaiting.put(state.id().value() + "#" + state.step(), line))) {
            emit(state, line);
        }
    }

    void emit(RolloutState state, String message) {
        emit(state, message, null);
    }

    /** Says what happened; a {@code milestone} (or {@code null}) is also told as one. */
    void emit(RolloutState state, String message, RolloutMilestone milestone) {
        RolloutEvent event = new RolloutEvent(state.id(), state.request().key(), clock.instant(), message);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A listener must never stop a rollout; the message is lost, the rollout is not.
        }
        if (milestone != null) {
            try {
                listener.onMilestone(milestone, state, event);
            } catch (RuntimeException e) {
                // Likewise: a notification that cannot be queued never stops a rollout.
            }
        }
    }

    static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Ends the current step and enters the next one, or finishes when it was the last. */
    Next complete(RolloutState state, String detail) {
        Journal journal = state.journal().endPhase(clock.instant(), "completed", detail);
        emit(
                state,
                Plan.name(state.step(), state.currentStep()) + " completed" + (detail.isEmpty() ? "" : ": " + detail));
        int next = state.step() + 1;
        if (next < state.plan().size()) {
            return new Next.Continue(steps(state).enter(state.edit().journal(journal), next));
        }
        return finishing(
                state.edit().journal(journal),
                RecordStatus.SUCCEEDED,
                "all " + state.plan().size() + " steps completed");
    }

    /** The current step failed: roll back (or abort, if nothing was touched). */
    Next fail(RolloutState state, String reason) {
        String why = Plan.name(state.step(), state.currentStep()) + " failed: " + reason;
        return trigger(state, RecordStatus.ROLLED_BACK, why, "failed");
    }

    /**
     * Ends the rollout: a rollback ending in {@code status} when the target was touched, else an
     * abort. The current phase ends with {@code phaseOutcome}.
     */
    Next trigger(RolloutState state, RecordStatus status, String reason, String phaseOutcome) {
        Instant now = clock.instant();
        Journal journal = state.journal().endPhase(now, phaseOutcome, reason);
        if (!state.touched()) {
            return finishing(state.edit().journal(journal), RecordStatus.ABORTED, reason);
        }
        RolloutState rollingBack = save(state.edit()
                .stage(Stage.ROLLING_BACK)
                .haltReason(null)
                .rollback(new RolloutState.Rollback(reason, status, now, 0, null, null, false))
                .journal(
                        journal.startPhase(new PhaseRecord(0, "rollback", "roll back: " + reason, now, null, "", ""))));
        emit(rollingBack, "rolling back: " + reason);
        return new Next.Continue(rollingBack);
    }

    /** Stops the rollout where it is until a person resumes it or rolls it back. */
    Next halt(RolloutState state, String reason) {
        RolloutState halted = save(state.edit()
                .stage(Stage.HALTED)
                .haltReason(reason)
                .journal(state.journal().endPhase(clock.instant(), "halted", reason)));
        emit(halted, "halted: " + reason + "; resume or roll back");
        return new Next.Idle(halted);
    }

    Next finishing(RolloutState state, RecordStatus status, String reason) {
        return finishing(state.edit(), status, reason);
    }

    Next finishing(RolloutState.Editor editor, RecordStatus status, String reason) {
        RolloutState finishing =
                save(editor.stage(Stage.FINISHING).outcome(new RolloutState.Outcome(status, reason, clock.instant())));
        return new Next.Continue(finishing);
    }
}
