package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.ApprovalRules;
import io.genesis.core.approval.Approver;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.PlanValidator;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.time.Durations;
import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs rollouts as a deterministic state machine over their plans. Every transition is stored
 * before it is acted on, so a fresh engine reading the store resumes or rolls back any rollout
 * a crash interrupted. Nothing here sleeps: waits are stored states woken by the scheduler.
 *
 * <p>Callers drive it through {@link #submit}, {@link #decide}, {@link #resume}, {@link #rollback}
 * and, at start-up, {@link #reconcile}; the scheduler drives {@link #tick}.
 */
public final class Orchestrator {

    /** A rollout that takes this many transitions in one tick is looping: a bug, reported loudly. */
    private static final int MAX_TRANSITIONS_PER_TICK = 10_000;

    private final EngineSettings settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final RolloutStateStore states;
    private final RolloutLock locks;
    private final HistoryStore history;
    private final TargetFactory targets;
    private final MetricSourceFactory metricSources;
    private final Approver approver;
    private final RolloutListener listener;
    private final Supplier<RolloutId> ids;

    private final Map<RolloutId, ReentrantLock> rolloutLocks = new ConcurrentHashMap<>();
    private final Map<DeploymentKey, ReentrantLock> keyLocks = new ConcurrentHashMap<>();
    private final Map<RolloutId, Bound> bound = new ConcurrentHashMap<>();
    private final Set<RolloutId> active = ConcurrentHashMap.newKeySet();
    /** What this engine last renewed for each rollout it runs, so heartbeats renew only what is due. */
    private final Map<RolloutId, Claim> claims = new ConcurrentHashMap<>();

    private Orchestrator(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.states = Objects.requireNonNull(builder.states, "states");
        this.locks = Objects.requireNonNull(builder.locks, "locks");
        this.history = Objects.requireNonNull(builder.history, "history");
        this.targets = Objects.requireNonNull(builder.targets, "targets");
        this.metricSources = Objects.requireNonNull(builder.metricSources, "metricSources");
        this.approver = Objects.requireNonNull(builder.approver, "approver");
        this.listener = Objects.requireNonNull(builder.listener, "listener");
        this.ids = builder.ids == null ? RolloutId.generator(clock) : builder.ids;
    }

    public static Builder builder() {
        return new Builder();
    }

    public EngineSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- public API

    /**
     * Plans, validates and stores a rollout, then starts it. Nothing is touched when the ref may
     * not deploy, the plan is invalid, or the key is busy and the engine refuses to queue.
     *
     * @throws RolloutRefusedException when the ref may not deploy here or the key is busy
     * @throws io.genesis.core.rollout.plan.InvalidPlanException when the plan is not valid
     */
    public RolloutId submit(RolloutRequest request) {
        String refusal = request.refs().refusal(request.ref());
        if (!refusal.isEmpty()) {
            throw new RolloutRefusedException(refusal + " (" + request.key().environment() + ")");
        }
        DeploymentTarget target = targets.open(request.key(), request.target());
        Capabilities capabilities = Capabilities.of(target);
        Plan plan = plan(request, capabilities);
        RolloutId id = ids.get();
        ReentrantLock keyLock = keyLocks.computeIfAbsent(request.key(), k -> new ReentrantLock());
        keyLock.lock();
        try {
            if (settings.supersedeAwaitingApproval()) {
                supersedeWaiting(request, id);
            }
            List<RolloutState> busy = unfinished(request.key());
            if (!busy.isEmpty() && settings.whenBusy() == ConcurrencyPolicy.REFUSE) {
                RolloutState first = busy.get(0);
                throw new RolloutRefusedException(request.key() + " is busy with rollout " + first.id() + " (version "
                        + first.request().version() + ", "
                        + RolloutView.of(first).status()
                        + "); try again when it has ended");
            }
            Instant now = clock.instant();
            RolloutState queued = RolloutState.queued(
                    id, request, plan, capabilities.target(), settings.owner(), now, now.plus(settings.leaseTtl()));
            states.save(queued);
            active.add(id);
            bound.put(id, new Bound(target, metricSources, id, request));
            emit(
                    queued,
                    "submitted version " + request.version() + " by " + request.initiator() + "; "
                            + plan.describe()
                            + (busy.isEmpty()
                                    ? ""
                                    : "\nwaiting for rollout " + busy.get(0).id() + " to end"));
        } finally {
            keyLock.unlock();
        }
        ensureHeartbeat();
        tick(id);
        return id;
    }

    /** Carries a rollout on as far as it can go now, and schedules its next wake-up. */
    public RolloutView tick(RolloutId id) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            RolloutState state = load(id);
            if (!mayRun(state)) {
                return RolloutView.of(state);
            }
            return run(adoptIfOrphaned(state));
        } finally {
            lock.unlock();
        }
    }

    private RolloutView run(RolloutState start) {
        RolloutId id = start.id();
        RolloutState state = start;
        try {
            for (int i = 0; i < MAX_TRANSITIONS_PER_TICK; i++) {
                Next next = advance(state);
                state = next.state();
                if (next instanceof Next.Continue) {
                    continue;
                }
                if (next instanceof Next.Wait wait) {
                    scheduler.schedule(wakeKey(id), wait.until(), () -> tick(id));
                } else {
                    scheduler.cancel(wakeKey(id));
                    forgetIfSettled(state);
                }
                return RolloutView.of(state);
            }
            throw new IllegalStateException("rollout " + id + " took more than " + MAX_TRANSITIONS_PER_TICK
                    + " transitions in one tick; it is looping, which is a bug in the engine");
        } catch (RuntimeException e) {
            // A store or target hiccup outside any step: try again later rather than stall for good.
            scheduler.schedule(wakeKey(id), clock.instant().plus(settings.retryInterval()), () -> tick(id));
            throw e;
        }
    }

    /**
     * Hands an approver's answer to a rollout waiting for approval. The engine stamps it with its
     * own clock, stores it, and carries on.
     *
     * @throws ApprovalRefusedException when the rules refuse the answer (too early, not an
     *     approver, self-approval); the rollout keeps waiting
     * @throws IllegalStateException when the rollout is not waiting for approval
     */
    public RolloutView decide(RolloutId id, ApprovalDecision decision) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            RolloutState state = load(id);
            if (state.stage() != Stage.RUNNING
                    || !(state.currentStep() instanceof Step.AwaitApproval)
                    || state.progress().approvalRequest() == null
                    || state.progress().decision() != null) {
                throw new IllegalStateException("rollout " + id + " is not waiting for approval; it is "
                        + RolloutView.of(state).status());
            }
            Instant now = clock.instant();
            ApprovalRequest request = state.progress().approvalRequest();
            Optional<String> refusal = ApprovalRules.refusal(request, decision, now);
            if (refusal.isPresent()) {
                emit(state, "approval answer refused: " + refusal.get());
                throw new ApprovalRefusedException(refusal.get());
            }
            ApprovalRecord answer = new ApprovalRecord(
                    decision.by().id(), now, decision.approved(), decision.comment(), decision.account());
            RolloutState decided = save(state.edit()
                    .progress(state.progress().decided(answer))
                    .journal(state.journal().approval(answer)));
            emit(
                    decided,
                    (decision.approved() ? "approved" : "rejected") + " by "
                            + decision.by().id() + (decision.comment().isEmpty() ? "" : ": " + decision.comment()));
        } finally {
            lock.unlock();
        }
        return tick(id);
    }

    /** Carries on a rollout halted by an inconclusive analysis: the analysis step starts again. */
    public RolloutView resume(RolloutId id, String by) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            RolloutState state = load(id);
            if (state.stage() != Stage.HALTED) {
                throw new IllegalStateException("rollout " + id + " is not halted; it is "
                        + RolloutView.of(state).status());
            }
            RolloutState resumed = new StepRunner(this, state, bindings(state))
                    .enter(
                            state.edit()
                                    .haltReason(null)
                                    .journal(state.journal().note("resumed by " + by + " at " + clock.instant())),
                            state.step());
            emit(resumed, "resumed by " + by);
        } finally {
            lock.unlock();
        }
        return tick(id);
    }

    /**
     * Rolls a rollout back, or cancels it if it has touched nothing yet. A rollout that already
     * succeeded can still be rolled back while its previous version is kept (blue-green's day).
     *
     * @throws IllegalStateException when the rollout ended otherwise, or its previous version is gone
     */
    public RolloutView rollback(RolloutId id, String reason, String by) {
        String why = "rolled back by " + by + ": " + reason;
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            RolloutState state = load(id);
            switch (state.stage()) {
                case QUEUED -> finishing(state, RecordStatus.ABORTED, "cancelled by " + by + ": " + reason);
                case RUNNING, HALTED -> trigger(state, RecordStatus.ROLLED_BACK, why, "interrupted");
                case ROLLING_BACK, FINISHING -> {
                    // Already on its way out.
                }
                case DONE -> rollbackAfterSuccess(state, why);
            }
        } finally {
            lock.unlock();
        }
        active.add(id);
        ensureHeartbeat();
        return tick(id);
    }

    /**
     * At start-up: adopts every rollout whose owner died (its lease expired, or it was this
     * engine before a restart) and resumes it, or rolls it back when the recovery policy says so;
     * schedules pending scale-downs again. Rollouts of live owners are left alone.
     */
    public ReconcileReport reconcile() {
        List<RolloutId> resumed = new ArrayList<>();
        List<RolloutId> rolledBack = new ArrayList<>();
        List<RolloutId> leftToOwner = new ArrayList<>();
        List<RolloutId> cleanups = new ArrayList<>();
        Instant now = clock.instant();
        for (RolloutState stored : states.list()) {
            if (stored.settled()) {
                continue;
            }
            RolloutId id = stored.id();
            if (stored.stage() == Stage.DONE) {
                cleanups.add(id);
                scheduler.schedule(wakeKey(id), stored.cleanup().dueAt(), () -> tick(id));
                continue;
            }
            if (!stored.owner().equals(settings.owner()) && now.isBefore(stored.leaseExpiresAt())) {
                leftToOwner.add(id);
                continue;
            }
            boolean rollingBack = recover(id);
            (rollingBack ? rolledBack : resumed).add(id);
            active.add(id);
            scheduler.schedule(wakeKey(id), now, () -> tick(id));
        }
        ensureHeartbeat();
        return new ReconcileReport(resumed, rolledBack, leftToOwner, cleanups);
    }

    /**
     * Extends the claims of every rollout this engine runs (their stored lease and their key's
     * lock). The engine schedules it itself every third of the lease; hosts need not call it.
     */
    public void heartbeat() {
        Instant now = clock.instant();
        // Claims renewed less than a third of a lease ago are left alone: transitions renew them too.
        Instant renewBefore = now.plus(settings.leaseTtl().multipliedBy(2).dividedBy(3));
        for (RolloutId id : List.copyOf(active)) {
            Claim claim = claims.get(id);
            boolean stateDue = claim == null || !claim.stateUntil().isAfter(renewBefore);
            boolean lockDue = claim != null
                    && claim.key() != null
                    && (claim.lockUntil() == null || !claim.lockUntil().isAfter(renewBefore));
            if (!stateDue && !lockDue) {
                continue;
            }
            ReentrantLock lock = lockOf(id);
            lock.lock();
            try {
                if (lockDue) {
                    Optional<Lease> lease = locks.refresh(claim.key(), id.value(), now, settings.leaseTtl());
                    claims.computeIfPresent(
                            id, (i, c) -> c.withLock(lease.map(Lease::expiresAt).orElse(null)));
                }
                if (stateDue) {
                    Optional<RolloutState> stored = states.load(id);
                    if (stored.isEmpty()
                            || !stored.get().owner().equals(settings.owner())
                            || stored.get().stage() == Stage.DONE) {
                        active.remove(id);
                        continue;
                    }
                    save(stored.get().edit());
                }
            } finally {
                lock.unlock();
            }
        }
        ensureHeartbeat();
    }

    /** The rollout as stored now. */
    public Optional<RolloutView> view(RolloutId id) {
        return states.load(id).map(RolloutView::of);
    }

    /** Every stored rollout, oldest id first. */
    public List<RolloutView> list() {
        return states.list().stream().map(RolloutView::of).toList();
    }

    // ---------------------------------------------------------------- planning

    private Plan plan(RolloutRequest request, Capabilities capabilities) {
        Plan plan =
                Strategies.named(request.strategy(), request.strategySettings()).plan(capabilities);
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
        PlanValidator.requireValid(plan, capabilities);
        boolean analyses = plan.steps().stream().anyMatch(Step.Analyse.class::isInstance);
        if (analyses && request.metrics() == null) {
            throw new RolloutRefusedException("the " + plan.strategy() + " plan analyses metrics, but no metric source"
                    + " was given; name one (for example Prometheus) or use a plan without analysis steps");
        }
        return plan;
    }

    // ---------------------------------------------------------------- the state machine

    private Next advance(RolloutState state) {
        return switch (state.stage()) {
            case QUEUED -> acquire(state);
            case RUNNING -> new StepRunner(this, state, bindings(state)).run();
            case HALTED -> new Next.Idle(state);
            case ROLLING_BACK -> rollBack(state);
            case FINISHING -> finish(state);
            case DONE -> cleanUp(state);
        };
    }

    private Next acquire(RolloutState state) {
        DeploymentKey key = state.request().key();
        Instant now = clock.instant();
        Instant retry = now.plus(settings.lockRetryInterval());
        Optional<RolloutState> blocker = blocker(state);
        if (blocker.isPresent()) {
            RolloutState other = blocker.get();
            if (other.stage() != Stage.QUEUED && !now.isBefore(other.leaseExpiresAt())) {
                // Its engine died mid-rollout: finish that one first rather than take its lock from under it.
                scheduler.schedule(wakeKey(other.id()), now, () -> tick(other.id()));
            }
            return new Next.Wait(state, retry);
        }
        Optional<Lease> lease = locks.acquire(key, state.id().value(), settings.owner(), now, settings.leaseTtl());
        if (lease.isEmpty()) {
            String holder = locks.current(key).map(Lease::holder).orElse("another rollout");
            if (settings.whenBusy() == ConcurrencyPolicy.REFUSE) {
                return finishing(state, RecordStatus.ABORTED, "refused: " + key + " is locked by rollout " + holder);
            }
            return new Next.Wait(state, retry);
        }
        claims.put(
                state.id(), new Claim(state.leaseExpiresAt(), key, lease.get().expiresAt()));
        scaleDownEarly(key, state.id());
        emit(state, "took the lock on " + key);
        return new Next.Continue(new StepRunner(this, state, bindings(state)).enter(state.edit(), 0));
    }

    /**
     * The rollout that must go before {@code state}: one of the same key that holds the lock (even
     * if its engine died), or one queued earlier.
     */
    private Optional<RolloutState> blocker(RolloutState state) {
        Comparator<RolloutState> order =
                Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id);
        return states.list().stream()
                .filter(s -> s.request().key().equals(state.request().key()))
                .filter(s -> !s.id().equals(state.id()))
                .filter(s -> s.stage().holdsLock() || (s.stage() == Stage.QUEUED && order.compare(s, state) < 0))
                .findFirst();
    }

    private Next rollBack(RolloutState state) {
        RolloutState.Rollback rollback = state.rollback();
        Bound resources = bindings(state);
        RolloutState current = state;
        try {
            if (rollback.restoredAt() == null && state.weight().value() > 0 && !state.promoted()) {
                Optional<TrafficRouter> router = resources.target().trafficRouter();
                if (router.isPresent()) {
                    router.get().setWeight(resources.context(), Percentage.ZERO);
                    current = restored(current);
                }
            }
            // Repeated even after the router restored traffic: the target may have more to undo, idempotently.
            resources.target().rollback(resources.context());
            if (current.rollback().restoredAt() == null) {
                current = restored(current);
            }
            resources.target().retireCandidate(resources.context());
        } catch (RuntimeException e) {
            RolloutState.Rollback failed = current.rollback().failed(describe(e));
            if (failed.attempts() >= settings.rollbackAttempts()) {
                String traffic = failed.restoredAt() != null
                        ? "traffic was restored at " + failed.restoredAt() + ", but cleaning up after it failed"
                        : "traffic may still reach the candidate: restore "
                                + state.request().key() + " by hand";
                return finishing(
                        current.edit().rollback(failed),
                        RecordStatus.FAILED,
                        rollback.reason() + "; rollback failed " + failed.attempts() + " times (last: " + describe(e)
                                + "); " + traffic);
            }
            RolloutState retrying = save(current.edit().rollback(failed));
            emit(
                    retrying,
                    "rollback attempt " + failed.attempts() + " failed: " + describe(e) + "; trying again in "
                            + Durations.format(settings.retryInterval()));
            return new Next.Wait(retrying, clock.instant().plus(settings.retryInterval()));
        }
        RolloutState.Rollback done = current.rollback();
        String detail = "traffic restored in " + restoreTime(done);
        RolloutState.Editor finished = current.edit()
                .rollback(done)
                .weight(Percentage.ZERO)
                .journal(current.journal().endPhase(clock.instant(), "completed", detail));
        emit(current, "rolled back: " + detail + "; candidate retired");
        return finishing(finished, done.finalStatus(), done.reason());
    }

    /** Stores that traffic is back on the stable version now, before anything is cleaned up. */
    private RolloutState restored(RolloutState state) {
        RolloutState restored = save(state.edit()
                .rollback(state.rollback().restored(clock.instant()))
                .weight(Percentage.ZERO));
        emit(restored, "traffic back on the stable version in " + restoreTime(restored.rollback()));
        return restored;
    }

    private Next finish(RolloutState state) {
        history.append(Records.of(state));
        locks.release(state.request().key(), state.id().value());
        RolloutState done = save(state.edit().stage(Stage.DONE));
        emit(done, "ended " + done.outcome().status() + ": " + done.outcome().reason());
        wakeQueued(state.request().key(), state.id());
        return new Next.Continue(done);
    }

    private Next cleanUp(RolloutState state) {
        RolloutState.Cleanup cleanup = state.cleanup();
        if (cleanup == null || cleanup.done()) {
            return new Next.Idle(state);
        }
        Instant now = clock.instant();
        if (now.isBefore(cleanup.dueAt())) {
            return new Next.Wait(state, cleanup.dueAt());
        }
        Bound resources = bindings(state);
        String detail;
        String outcome;
        try {
            resources.target().scaleDownPrevious(resources.context());
            detail = "previous version scaled down";
            outcome = "completed";
        } catch (RuntimeException e) {
            int attempts = cleanup.attempts() + 1;
            if (attempts < settings.rollbackAttempts()) {
                RolloutState retrying = save(
                        state.edit().cleanup(new RolloutState.Cleanup(cleanup.dueAt(), false, attempts, describe(e))));
                return new Next.Wait(retrying, now.plus(settings.retryInterval()));
            }
            detail = "scaling the previous version down failed " + attempts + " times (last: " + describe(e)
                    + "); scale it down by hand";
            outcome = "failed";
        }
        RolloutState.Editor done = state.edit()
                .cleanup(new RolloutState.Cleanup(cleanup.dueAt(), true, cleanup.attempts(), detail))
                .journal(state.journal().endScheduled(now, outcome, detail));
        // The revised record goes first: once the state says "done", nothing would write it again.
        history.append(Records.of(done.build()));
        RolloutState settled = save(done);
        emit(settled, detail);
        return new Next.Idle(settled);
    }

    // ---------------------------------------------------------------- transitions used by steps

    Instant now() {
        return clock.instant();
    }

    Approver approver() {
        return approver;
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
        claims.merge(
                next.id(),
                new Claim(next.leaseExpiresAt(), held, null),
                (old, renewed) -> new Claim(renewed.stateUntil(), held, held == null ? null : old.lockUntil()));
        return next;
    }

    /** Ends the current step and enters the next one, or finishes when it was the last. */
    Next complete(RolloutState state, String detail) {
        RolloutState.Journal journal = state.journal().endPhase(clock.instant(), "completed", detail);
        emit(
                state,
                Plan.name(state.step(), state.currentStep()) + " completed" + (detail.isEmpty() ? "" : ": " + detail));
        int next = state.step() + 1;
        if (next < state.plan().size()) {
            return new Next.Continue(new StepRunner(this, state, bindings(state))
                    .enter(state.edit().journal(journal), next));
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
        RolloutState.Journal journal = state.journal().endPhase(now, phaseOutcome, reason);
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

    void emit(RolloutState state, String message) {
        try {
            listener.onEvent(new RolloutEvent(state.id(), state.request().key(), clock.instant(), message));
        } catch (RuntimeException e) {
            // A listener must never stop a rollout; the message is lost, the rollout is not.
        }
    }

    static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Rolls back a rollout that succeeded. While the previous version is kept this is the instant
     * switch back; after that, the target brings the previous version back (a rolling undo, or
     * starting the old slot again), which is slower, and the log says so. Only what runs now may be
     * rolled back: undoing an older rollout would throw away the newer one without a record.
     */
    private void rollbackAfterSuccess(RolloutState state, String why) {
        if (state.outcome().status() != RecordStatus.SUCCEEDED) {
            throw new IllegalStateException(
                    "rollout " + state.id() + " ended " + state.outcome().status() + "; there is nothing to roll back");
        }
        DeploymentKey key = state.request().key();
        Optional<DeploymentRecord> running = CurrentDeployments.of(history).at(key);
        if (running.isEmpty() || !running.get().id().equals(state.id().value())) {
            throw new IllegalStateException("rollout " + state.id() + " no longer runs in " + key
                    + running.map(r -> ": rollout " + r.id() + " (version " + r.version() + ") replaced it; roll that"
                                    + " one back instead")
                            .orElse(": it was rolled back already"));
        }
        Instant now = clock.instant();
        Optional<Lease> lease = locks.acquire(key, state.id().value(), settings.owner(), now, settings.leaseTtl());
        if (lease.isEmpty()) {
            throw new IllegalStateException(
                    "cannot roll back rollout " + state.id() + ": " + key + " is locked by rollout "
                            + locks.current(key).map(Lease::holder).orElse("?"));
        }
        RolloutState.Cleanup cleanup = state.cleanup();
        boolean kept = cleanup != null && !cleanup.done();
        RolloutState.Editor editor = state.edit()
                .stage(Stage.ROLLING_BACK)
                .rollback(new RolloutState.Rollback(why, RecordStatus.ROLLED_BACK, now, 0, null, null, true))
                .journal(state.journal()
                        .endScheduled(now, "cancelled", why)
                        .startPhase(new PhaseRecord(0, "rollback", "roll back: " + why, now, null, "", "")));
        if (kept) {
            editor.cleanup(new RolloutState.Cleanup(cleanup.dueAt(), true, cleanup.attempts(), "cancelled: " + why));
        }
        RolloutState rollingBack = save(editor);
        emit(
                rollingBack,
                "rolling back after success: " + why
                        + (kept
                                ? ""
                                : "; the previous version is no longer kept, so " + state.target()
                                        + " brings it back (not an instant switch)"));
    }

    /** Adopts {@code id} after its owner died; returns whether it is now rolling back. */
    private boolean recover(RolloutId id) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        try {
            RolloutState state = adoptIfOrphaned(load(id));
            if (state.stage() != Stage.QUEUED
                    && state.stage() != Stage.FINISHING
                    && state.stage().holdsLock()) {
                Instant now = clock.instant();
                Optional<Lease> lease =
                        locks.acquire(state.request().key(), id.value(), settings.owner(), now, settings.leaseTtl());
                if (lease.isEmpty()) {
                    String holder = locks.current(state.request().key())
                            .map(Lease::holder)
                            .orElse("?");
                    finishing(
                            state,
                            RecordStatus.FAILED,
                            "lost the lock on " + state.request().key() + " to rollout " + holder
                                    + " while its engine was down; check the environment by hand");
                    return false;
                }
            }
            reaskApproval(state);
            if (state.stage() == Stage.RUNNING && state.touched() && settings.recovery() == RecoveryPolicy.ROLL_BACK) {
                trigger(
                        state,
                        RecordStatus.ROLLED_BACK,
                        "engine stopped during " + Plan.name(state.step(), state.currentStep())
                                + "; the recovery policy rolls back",
                        "interrupted");
                return true;
            }
            return state.stage() == Stage.ROLLING_BACK;
        } finally {
            lock.unlock();
        }
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
            emit(state, "could not ask for approval again after the restart: " + describe(e));
        }
    }

    private RolloutState adoptIfOrphaned(RolloutState state) {
        if (state.owner().equals(settings.owner()) || state.stage() == Stage.DONE) {
            return state;
        }
        RolloutState adopted = save(state.edit()
                .journal(state.journal()
                        .note("adopted by " + settings.owner() + " at " + clock.instant()
                                + " after owner " + state.owner() + " stopped (lease expired at "
                                + state.leaseExpiresAt()
                                + ")")));
        emit(adopted, "adopted from " + state.owner());
        return adopted;
    }

    private boolean mayRun(RolloutState state) {
        return state.owner().equals(settings.owner())
                || state.stage() == Stage.DONE
                || !clock.instant().isBefore(state.leaseExpiresAt());
    }

    private void supersedeWaiting(RolloutRequest request, RolloutId newer) {
        for (RolloutState older : unfinished(request.key())) {
            ReentrantLock lock = lockOf(older.id());
            lock.lock();
            try {
                RolloutState state = load(older.id());
                boolean waiting = state.stage() == Stage.QUEUED
                        || (state.stage() == Stage.RUNNING && state.currentStep() instanceof Step.AwaitApproval);
                if (!waiting || state.touched() || !mayRun(state)) {
                    continue;
                }
                String reason = "superseded by rollout " + newer + " (version " + request.version() + ")";
                ApprovalRequest asked =
                        state.progress() == null ? null : state.progress().approvalRequest();
                if (asked != null) {
                    try {
                        approver.withdraw(asked, reason);
                    } catch (RuntimeException e) {
                        emit(state, "could not withdraw approval request: " + describe(e));
                    }
                }
                Next next = state.stage() == Stage.QUEUED
                        ? finishing(state, RecordStatus.ABORTED, reason)
                        : trigger(state, RecordStatus.ABORTED, reason, "superseded");
                finish(next.state());
                scheduler.cancel(wakeKey(older.id()));
                active.remove(older.id());
                emit(next.state(), reason);
            } finally {
                lock.unlock();
            }
        }
    }

    private List<RolloutState> unfinished(DeploymentKey key) {
        return states.list().stream()
                .filter(s -> s.request().key().equals(key))
                .filter(s -> s.stage() != Stage.DONE)
                .sorted(Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id))
                .toList();
    }

    /** A new rollout for {@code key} replaces the previous version's slot: scale it down now. */
    private void scaleDownEarly(DeploymentKey key, RolloutId newer) {
        for (RolloutState stored : states.list()) {
            if (!stored.request().key().equals(key) || stored.stage() != Stage.DONE || stored.settled()) {
                continue;
            }
            ReentrantLock lock = lockOf(stored.id());
            lock.lock();
            try {
                RolloutState state = load(stored.id());
                if (state.settled()) {
                    continue;
                }
                RolloutState due = save(state.edit()
                        .cleanup(new RolloutState.Cleanup(
                                clock.instant(),
                                false,
                                0,
                                "due early: rollout " + newer + " replaces the version this one kept")));
                cleanUp(due);
                scheduler.cancel(wakeKey(stored.id()));
            } finally {
                lock.unlock();
            }
        }
    }

    private void wakeQueued(DeploymentKey key, RolloutId ended) {
        Instant now = clock.instant();
        for (RolloutState state : states.list()) {
            if (state.stage() == Stage.QUEUED
                    && state.request().key().equals(key)
                    && !state.id().equals(ended)) {
                RolloutId id = state.id();
                scheduler.schedule(wakeKey(id), now, () -> tick(id));
            }
        }
    }

    private void ensureHeartbeat() {
        if (active.isEmpty()) {
            scheduler.cancel(heartbeatKey());
            return;
        }
        scheduler.schedule(
                heartbeatKey(), clock.instant().plus(settings.leaseTtl().dividedBy(3)), this::heartbeat);
    }

    private void forgetIfSettled(RolloutState state) {
        if (state.stage() == Stage.DONE) {
            active.remove(state.id());
            claims.remove(state.id());
            if (state.settled()) {
                bound.remove(state.id());
            }
        }
    }

    private Bound bindings(RolloutState state) {
        return bound.computeIfAbsent(
                state.id(),
                id -> new Bound(
                        targets.open(state.request().key(), state.request().target()),
                        metricSources,
                        id,
                        state.request()));
    }

    private RolloutState load(RolloutId id) {
        return states.load(id).orElseThrow(() -> new IllegalArgumentException("unknown rollout " + id));
    }

    private ReentrantLock lockOf(RolloutId id) {
        return rolloutLocks.computeIfAbsent(id, i -> new ReentrantLock());
    }

    private String heartbeatKey() {
        return "heartbeat:" + settings.owner();
    }

    private static String wakeKey(RolloutId id) {
        return "rollout:" + id;
    }

    private static String restoreTime(RolloutState.Rollback rollback) {
        return Durations.format(Duration.between(rollback.triggeredAt(), rollback.restoredAt()));
    }

    /**
     * What this engine renewed last for one rollout.
     *
     * @param stateUntil when the stored lease runs out
     * @param key the key whose lock the rollout holds, or {@code null}
     * @param lockUntil when the lock's lease runs out, or {@code null} if unknown
     */
    private record Claim(Instant stateUntil, DeploymentKey key, Instant lockUntil) {
        Claim withLock(Instant until) {
            return new Claim(stateUntil, key, until);
        }
    }

    /** Assembles an orchestrator from its ports. */
    public static final class Builder {
        private EngineSettings settings;
        private Clock clock;
        private Scheduler scheduler;
        private RolloutStateStore states;
        private RolloutLock locks;
        private HistoryStore history;
        private TargetFactory targets;
        private MetricSourceFactory metricSources = spec -> {
            throw new IllegalArgumentException(
                    "no metric sources are configured, so '" + spec.kind() + "' cannot be opened");
        };
        private Approver approver = request -> {
            throw new IllegalStateException("no approver is configured, so nobody can be asked: " + request.question());
        };
        private RolloutListener listener = event -> {};
        private Supplier<RolloutId> ids;

        private Builder() {}

        public Builder settings(EngineSettings value) {
            this.settings = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        public Builder states(RolloutStateStore value) {
            this.states = value;
            return this;
        }

        public Builder locks(RolloutLock value) {
            this.locks = value;
            return this;
        }

        public Builder history(HistoryStore value) {
            this.history = value;
            return this;
        }

        public Builder targets(TargetFactory value) {
            this.targets = value;
            return this;
        }

        public Builder metricSources(MetricSourceFactory value) {
            this.metricSources = value;
            return this;
        }

        public Builder approver(Approver value) {
            this.approver = value;
            return this;
        }

        public Builder listener(RolloutListener value) {
            this.listener = value;
            return this;
        }

        /** How ids are made; by default time-ordered random ids. */
        public Builder ids(Supplier<RolloutId> value) {
            this.ids = value;
            return this;
        }

        public Orchestrator build() {
            return new Orchestrator(this);
        }
    }
}
