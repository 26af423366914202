package io.genesis.core.rollout;

import io.genesis.core.approval.Approver;
import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At start-up: finds the rollouts whose owner died (or that this engine ran before a restart),
 * adopts them and resumes or rolls them back as the recovery policy says, and schedules pending
 * scale-downs again. Rollouts of live owners are left to them.
 */
final class Reconciler {

    private final Transitions transitions;
    private final RolloutStateStore states;
    private final RolloutLock locks;
    private final Approver approver;
    private final Serial<RolloutId> serial;
    private final Leases<RolloutId> leases;
    private final Wakeups<RolloutId> wakeups;

    Reconciler(
            Transitions transitions,
            RolloutStateStore states,
            RolloutLock locks,
            Approver approver,
            Serial<RolloutId> serial,
            Leases<RolloutId> leases,
            Wakeups<RolloutId> wakeups) {
        this.transitions = transitions;
        this.states = states;
        this.locks = locks;
        this.approver = approver;
        this.serial = serial;
        this.leases = leases;
        this.wakeups = wakeups;
    }

    /** See {@link Orchestrator#reconcile}. */
    ReconcileReport reconcile() {
        List<RolloutId> resumed = new ArrayList<>();
        List<RolloutId> rolledBack = new ArrayList<>();
        List<RolloutId> leftToOwner = new ArrayList<>();
        List<RolloutId> cleanups = new ArrayList<>();
        Instant now = transitions.now();
        for (RolloutState stored : states.list()) {
            if (stored.settled()) {
                continue;
            }
            RolloutId id = stored.id();
            if (stored.stage() == Stage.DONE) {
                cleanups.add(id);
                wakeups.at(id, stored.cleanup().dueAt());
                continue;
            }
            if (leases.heldByOther(stored.owner(), stored.leaseExpiresAt())) {
                leftToOwner.add(id);
                continue;
            }
            boolean rollingBack = serial.call(id, () -> recover(id));
            (rollingBack ? rolledBack : resumed).add(id);
            leases.activate(id);
            wakeups.at(id, now);
        }
        leases.ensureHeartbeat();
        return new ReconcileReport(resumed, rolledBack, leftToOwner, cleanups);
    }

    /** Adopts {@code id} after its owner died; returns whether it is now rolling back. */
    private boolean recover(RolloutId id) {
        RolloutState state = transitions.adoptIfOrphaned(transitions.load(id));
        EngineSettings settings = transitions.settings();
        if (state.stage() != Stage.QUEUED
                && state.stage() != Stage.FINISHING
                && state.stage().holdsLock()) {
            Optional<Lease> lease = locks.acquire(
                    state.request().key(), id.value(), settings.owner(), transitions.now(), settings.leaseTtl());
            if (lease.isEmpty()) {
                String holder =
                        locks.current(state.request().key()).map(Lease::holder).orElse("?");
                transitions.finishing(
                        state,
                        RecordStatus.FAILED,
                        "lost the lock on " + state.request().key() + " to rollout " + holder
                                + " while its engine was down; check the environment by hand");
                return false;
            }
        }
        reaskApproval(state);
        if (state.stage() == Stage.RUNNING && state.touched() && settings.recovery() == RecoveryPolicy.ROLL_BACK) {
            transitions.trigger(
                    state,
                    RecordStatus.ROLLED_BACK,
                    "engine stopped during " + Plan.name(state.step(), state.currentStep())
                            + "; the recovery policy rolls back",
                    "interrupted");
            return true;
        }
        return state.stage() == Stage.ROLLING_BACK;
    }

    /** A prompt shown by a dead engine may have died with it: show it again (approvers dedupe by id). */
    private void reaskApproval(RolloutState state) {
        RolloutState.StepProgress progress = state.progress();
        if (state.stage() != Stage.RUNNING
                || progress == null
                || progress.approvalRequest() == null
                || !progress.issued()
                || progress.decision() != null) {
            return;
        }
        try {
            approver.request(progress.approvalRequest());
        } catch (RuntimeException e) {
            transitions.emit(state, "could not ask for approval again after the restart: " + Transitions.describe(e));
        }
    }
}
