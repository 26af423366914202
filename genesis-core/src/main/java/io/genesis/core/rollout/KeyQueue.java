package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Approver;
import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One rollout at a time per application and environment: admits new rollouts (superseding those
 * still waiting, refusing or queueing behind a busy key) and lets the first in line take the key's
 * lock once nobody holds it.
 */
final class KeyQueue {

    private static final Comparator<RolloutState> ORDER =
            Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id);

    /** The last problem of the lock's store each queued rollout met, so that it is said once. */
    private final Map<RolloutId, String> lockProblems = new ConcurrentHashMap<>();

    private final Transitions transitions;
    private final Settlement settlement;
    private final RolloutStateStore states;
    private final RolloutLock locks;
    private final TargetFactory targets;
    private final Approver approver;
    private final Bindings bindings;
    private final Supplier<RolloutId> ids;
    private final Serial<RolloutId> serial;
    private final Leases<RolloutId> leases;
    private final Wakeups<RolloutId> wakeups;
    private final Map<DeploymentKey, ReentrantLock> keyLocks = new ConcurrentHashMap<>();

    KeyQueue(
            Transitions transitions,
            Settlement settlement,
            RolloutStateStore states,
            RolloutLock locks,
            TargetFactory targets,
            Approver approver,
            Bindings bindings,
            Supplier<RolloutId> ids,
            Serial<RolloutId> serial,
            Leases<RolloutId> leases,
            Wakeups<RolloutId> wakeups) {
        this.transitions = transitions;
        this.settlement = settlement;
        this.states = states;
        this.locks = locks;
        this.targets = targets;
        this.approver = approver;
        this.bindings = bindings;
        this.ids = ids;
        this.serial = serial;
        this.leases = leases;
        this.wakeups = wakeups;
    }

    /** Plans, validates and stores a new rollout as queued; see {@link Orchestrator#submit}. */
    RolloutId admit(RolloutRequest asked) {
        // The freeze windows that apply now are stored with the rollout, for whichever engine carries it on.
        RolloutRequest request = bindings.withFreezes(asked);
        String refusal = request.refs().refusal(request.ref());
        if (!refusal.isEmpty()) {
            throw new RolloutRefusedException(refusal + " (" + request.key().environment() + ")");
        }
        DeploymentTarget target = targets.open(request.key(), request.target());
        Capabilities capabilities = Capabilities.of(target);
        Plan plan = Planner.plan(request, capabilities, target);
        RolloutId id = ids.get();
        EngineSettings settings = transitions.settings();
        ReentrantLock keyLock = keyLocks.computeIfAbsent(request.key(), k -> new ReentrantLock());
        keyLock.lock();
        try {
            List<String> superseded = settings.supersedeAwaitingApproval() ? supersedeWaiting(request, id) : List.of();
            List<RolloutState> busy = unfinished(request.key());
            if (!busy.isEmpty() && settings.whenBusy() == ConcurrencyPolicy.REFUSE) {
                RolloutState first = busy.get(0);
                throw new RolloutRefusedException(request.key() + " is busy with rollout " + first.id() + " (version "
                        + first.request().version() + ", "
                        + RolloutView.of(first).status()
                        + "); try again when it has ended");
            }
            Instant now = transitions.now();
            RolloutState queued = RolloutState.queued(
                    id, request, plan, capabilities.target(), settings.owner(), now, now.plus(settings.leaseTtl()));
            for (String older : superseded) {
                // Recorded on both: the older record says by which rollout, this one which it replaced.
                queued = queued.edit().journal(queued.journal().note(older)).build();
            }
            states.save(queued);
            leases.activate(id);
            bindings.put(id, target, request);
            transitions.emit(
                    queued,
                    "submitted version " + request.version() + " by " + request.initiator() + "; "
                            + plan.describe()
                            + (busy.isEmpty()
                                    ? ""
                                    : "\nwaiting for rollout " + busy.get(0).id() + " to end"));
        } finally {
            keyLock.unlock();
        }
        return id;
    }

    /** Takes the key's lock when this rollout is first in line, and enters its first step. */
    Next acquire(RolloutState state) {
        DeploymentKey key = state.request().key();
        EngineSettings settings = transitions.settings();
        Instant now = transitions.now();
        Instant retry = now.plus(settings.lockRetryInterval());
        Optional<RolloutState> blocker = blocker(state);
        if (blocker.isPresent()) {
            RolloutState other = blocker.get();
            if (other.stage() != Stage.QUEUED
                    && (!now.isBefore(other.leaseExpiresAt()) || leases.ownerEnded(other.owner()))) {
                // Its engine died mid-rollout: finish that one first rather than take its lock from under it.
                wakeups.at(other.id(), now);
            }
            return new Next.Wait(state, retry);
        }
        Optional<Lease> lease;
        try {
            lease = locks.acquire(key, state.id().value(), settings.owner(), now, settings.leaseTtl());
        } catch (RuntimeException e) {
            return lockUnanswered(state, e, retry);
        }
        lockProblems.remove(state.id());
        if (lease.isEmpty()) {
            String holder = locks.current(key).map(Lease::holder).orElse("another rollout");
            if (settings.whenBusy() == ConcurrencyPolicy.REFUSE) {
                return transitions.finishing(
                        state, RecordStatus.ABORTED, "refused: " + key + " is locked by rollout " + holder);
            }
            return new Next.Wait(state, retry);
        }
        leases.locked(state.id(), state.leaseExpiresAt(), key, lease.get().expiresAt());
        scaleDownEarly(key, state.id());
        transitions.emit(state, "took the lock on " + key, RolloutMilestone.STARTED);
        return new Next.Continue(transitions.steps(state).enter(state.edit(), 0));
    }

    /**
     * The lock's store did not answer (a Kubernetes API that fails or times out): not a lock held by another,
     * and nothing is touched yet, so the rollout stays queued and asks again, saying why once per problem; past
     * its health deadline from submission it ends {@code ABORTED} with the problem, so that it never waits
     * silently and never holds its place for good.
     */
    private Next lockUnanswered(RolloutState state, RuntimeException failure, Instant retry) {
        DeploymentKey key = state.request().key();
        String problem = Transitions.describe(failure);
        Duration deadline = transitions.healthDeadline(state);
        if (!transitions.now().isBefore(state.submittedAt().plus(deadline))) {
            lockProblems.remove(state.id());
            return transitions.finishing(
                    state,
                    RecordStatus.ABORTED,
                    "could not take the lock on " + key + " within " + Durations.format(deadline) + ": " + problem
                            + "; nothing was touched");
        }
        if (!problem.equals(lockProblems.put(state.id(), problem))) {
            transitions.emit(
                    state,
                    "could not take the lock on " + key + " (" + problem + "); nothing was touched, trying again every "
                            + Durations.format(transitions.settings().lockRetryInterval()));
        }
        return new Next.Wait(state, retry);
    }

    /**
     * The rollout that must go before {@code state}: one of the same key that holds the lock (even
     * if its engine died), or one queued earlier.
     */
    private Optional<RolloutState> blocker(RolloutState state) {
        return states.list().stream()
                .filter(s -> s.request().key().equals(state.request().key()))
                .filter(s -> !s.id().equals(state.id()))
                .filter(s -> s.stage().holdsLock() || (s.stage() == Stage.QUEUED && ORDER.compare(s, state) < 0))
                .findFirst();
    }

    /** Ends the key's rollouts that still wait, and says for each which one this rollout replaced. */
    private List<String> supersedeWaiting(RolloutRequest request, RolloutId newer) {
        List<String> notes = new ArrayList<>();
        for (RolloutState older : unfinished(request.key())) {
            serial.run(older.id(), () -> {
                if (supersede(older.id(), request, newer)) {
                    notes.add("superseded rollout " + older.id() + " (version "
                            + older.request().version() + "), which was still "
                            + (older.stage() == Stage.QUEUED ? "queued" : "awaiting approval"));
                }
            });
        }
        return notes;
    }

    private boolean supersede(RolloutId olderId, RolloutRequest request, RolloutId newer) {
        RolloutState state = transitions.load(olderId);
        boolean waiting = state.stage() == Stage.QUEUED
                || (state.stage() == Stage.RUNNING && state.currentStep() instanceof Step.AwaitApproval);
        if (!waiting || state.touched() || !transitions.mayRun(state)) {
            return false;
        }
        String reason = "superseded by rollout " + newer + " (version " + request.version() + ")";
        ApprovalRequest asked =
                state.progress() == null ? null : state.progress().approvalRequest();
        if (asked != null) {
            try {
                approver.withdraw(asked, reason);
            } catch (RuntimeException e) {
                transitions.emit(state, "could not withdraw approval request: " + Transitions.describe(e));
            }
        }
        Next next = state.stage() == Stage.QUEUED
                ? transitions.finishing(state, RecordStatus.ABORTED, reason)
                : transitions.trigger(state, RecordStatus.ABORTED, reason, "superseded");
        settlement.finish(next.state());
        wakeups.cancel(olderId);
        leases.deactivate(olderId);
        transitions.emit(next.state(), reason);
        return true;
    }

    private List<RolloutState> unfinished(DeploymentKey key) {
        return states.list().stream()
                .filter(s -> s.request().key().equals(key))
                .filter(s -> s.stage() != Stage.DONE)
                .sorted(ORDER)
                .toList();
    }

    /** A new rollout for {@code key} replaces the previous version's slot: scale it down now. */
    private void scaleDownEarly(DeploymentKey key, RolloutId newer) {
        for (RolloutState stored : states.list()) {
            if (!stored.request().key().equals(key) || stored.stage() != Stage.DONE || stored.settled()) {
                continue;
            }
            serial.run(stored.id(), () -> {
                RolloutState state = transitions.load(stored.id());
                if (state.settled()) {
                    return;
                }
                RolloutState due = transitions.save(state.edit()
                        .cleanup(new RolloutState.Cleanup(
                                transitions.now(),
                                false,
                                0,
                                "due early: rollout " + newer + " replaces the version this one kept")));
                settlement.cleanUp(due);
                wakeups.cancel(stored.id());
            });
        }
    }
}
