package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Approver;
import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.hook.HookRunner;
import io.genesis.core.hook.HookRunners;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs rollouts as a deterministic state machine over their plans. Every transition is stored
 * before it is acted on, so a fresh engine reading the store resumes or rolls back any rollout
 * a crash interrupted. Nothing here sleeps: waits are stored states woken by the scheduler.
 *
 * <p>Callers drive it through {@link #submit}, {@link #decide}, {@link #resume}, {@link #rollback}
 * and, at start-up, {@link #reconcile}; the scheduler drives {@link #tick}. The work itself is
 * done by collaborators of one responsibility each: {@link KeyQueue} (admission and the key's
 * lock), {@link StateMachine} (ticks), {@link StepRunner} (steps), {@link Rollbacks} (the one
 * rollback path), {@link Settlement} (history records and clean-up), {@link Reconciler}
 * (start-up), {@link Interventions} (people's actions), on the shared {@link Leases}, {@link
 * Serial} and {@link Wakeups} that a post-deploy watch uses too.
 */
public final class Orchestrator {

    private final EngineSettings settings;
    private final RolloutStateStore states;
    private final RolloutLock locks;
    private final Serial<RolloutId> serial = new Serial<>();
    private final Leases<RolloutId> leases;
    private final Transitions transitions;
    private final KeyQueue queue;
    private final StateMachine machine;
    private final Reconciler reconciler;
    private final Interventions interventions;

    private Orchestrator(Builder builder) {
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        Clock clock = Objects.requireNonNull(builder.clock, "clock");
        Scheduler scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.states = Objects.requireNonNull(builder.states, "states");
        this.locks = Objects.requireNonNull(builder.locks, "locks");
        HistoryStore history = Objects.requireNonNull(builder.history, "history");
        TargetFactory targets = Objects.requireNonNull(builder.targets, "targets");
        MetricSourceFactory metricSources = Objects.requireNonNull(builder.metricSources, "metricSources");
        Approver approver = Objects.requireNonNull(builder.approver, "approver");
        RolloutListener listener = Objects.requireNonNull(builder.listener, "listener");
        Supplier<RolloutId> ids = builder.ids == null ? RolloutId.generator(clock) : builder.ids;

        this.leases = new Leases<>(
                settings.owner(),
                settings.leaseTtl(),
                clock,
                scheduler,
                serial,
                "heartbeat:" + settings.owner(),
                this::heartbeat,
                builder.ownerEnded);
        Wakeups<RolloutId> wakeups = new Wakeups<>(scheduler, "rollout", this::tick);
        Bindings bindings = new Bindings(targets, metricSources, builder.hooks, builder.freezes);
        this.transitions = new Transitions(settings, clock, states, leases, listener, approver, bindings);
        Settlement settlement = new Settlement(transitions, states, locks, history, wakeups);
        Rollbacks rollbacks = new Rollbacks(transitions, locks, history);
        this.queue = new KeyQueue(
                transitions, settlement, states, locks, targets, approver, bindings, ids, serial, leases, wakeups);
        this.machine = new StateMachine(transitions, queue, rollbacks, settlement, bindings, serial, leases, wakeups);
        this.reconciler = new Reconciler(transitions, states, locks, approver, serial, leases, wakeups);
        this.interventions = new Interventions(transitions, rollbacks);
    }

    public static Builder builder() {
        return new Builder();
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * Plans, validates and stores a rollout, then starts it. Nothing is touched when the ref may
     * not deploy, the plan is invalid, or the key is busy and the engine refuses to queue.
     *
     * @throws RolloutRefusedException when the ref may not deploy here or the key is busy
     * @throws io.genesis.core.rollout.plan.InvalidPlanException when the plan is not valid
     */
    public RolloutId submit(RolloutRequest request) {
        RolloutId id = queue.admit(request);
        leases.ensureHeartbeat();
        tick(id);
        return id;
    }

    /** Carries a rollout on as far as it can go now, and schedules its next wake-up. */
    public RolloutView tick(RolloutId id) {
        return machine.tick(id);
    }

    /**
     * Hands an approver's answer to a rollout waiting for approval. The engine stamps it with its
     * own clock, stores it, and carries on.
     *
     * @throws io.genesis.core.approval.ApprovalRefusedException when the rules refuse the answer
     *     (too early, not an approver, self-approval); the rollout keeps waiting
     * @throws IllegalStateException when the rollout is not waiting for approval
     */
    public RolloutView decide(RolloutId id, ApprovalDecision decision) {
        serial.run(id, () -> interventions.decide(id, decision));
        return tick(id);
    }

    /** Carries on a rollout halted by an inconclusive analysis: the analysis step starts again. */
    public RolloutView resume(RolloutId id, String by) {
        serial.run(id, () -> interventions.resume(id, by));
        return tick(id);
    }

    /**
     * Rolls a rollout back, or cancels it if it has touched nothing yet. A rollout that already
     * succeeded can still be rolled back while its previous version is kept (blue-green's day).
     *
     * @throws IllegalStateException when the rollout ended otherwise, or its previous version is gone
     */
    public RolloutView rollback(RolloutId id, String reason, String by) {
        serial.run(id, () -> interventions.rollback(id, reason, by));
        leases.activate(id);
        leases.ensureHeartbeat();
        return tick(id);
    }

    /**
     * At start-up: adopts every rollout whose owner died (its lease expired, or it was this
     * engine before a restart) and resumes it, or rolls it back when the recovery policy says so;
     * schedules pending scale-downs again. Rollouts of live owners are left alone.
     */
    public ReconcileReport reconcile() {
        return reconciler.reconcile();
    }

    /**
     * Extends the claims of every rollout this engine runs (their stored lease and their key's
     * lock). The engine schedules it itself every third of the lease; hosts need not call it.
     */
    public void heartbeat() {
        leases.heartbeat(new Leases.Renewer<>() {
            @Override
            public Instant renewLock(RolloutId id, DeploymentKey key, Instant now) {
                return locks.refresh(key, id.value(), now, settings.leaseTtl())
                        .map(Lease::expiresAt)
                        .orElse(null);
            }

            @Override
            public boolean renewState(RolloutId id) {
                Optional<RolloutState> stored = states.load(id);
                if (stored.isEmpty()
                        || !stored.get().owner().equals(settings.owner())
                        || stored.get().stage() == Stage.DONE) {
                    return false;
                }
                transitions.save(stored.get().edit());
                return true;
            }

            @Override
            public void lockLost(RolloutId id, DeploymentKey key) {
                String holder = locks.current(key).map(Lease::holder).orElse("nobody");
                transitions.emit(
                        transitions.load(id),
                        "lost the lock on " + key + " (now held by " + holder + "); this engine ("
                                + settings.owner() + ") stopped driving rollout " + id
                                + ": it is another engine's now, or needs a look by hand");
            }

            @Override
            public void renewFailed(RolloutId id, DeploymentKey key, RuntimeException failure) {
                transitions.emit(
                        transitions.load(id),
                        "could not renew the lock on " + key + " (" + Transitions.describe(failure)
                                + "); the claim stands until its lease runs out, and the next heartbeat tries again");
            }
        });
    }

    /** The rollout as stored now. */
    public Optional<RolloutView> view(RolloutId id) {
        return states.load(id).map(RolloutView::of);
    }

    /** Every stored rollout, oldest id first. */
    public List<RolloutView> list() {
        return states.list().stream().map(RolloutView::of).toList();
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
        private Predicate<String> ownerEnded = owner -> false;
        private HookRunner hooks = HookRunners.none();
        private Function<DeploymentKey, FreezeCalendar> freezes = key -> FreezeCalendar.NONE;

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

        /**
         * Whether the engine that stored a rollout as its owner has certainly ended (its process gone on
         * this machine): its rollouts are then taken over at once rather than when their lease runs out.
         * Unknown must answer false. By default no owner is known to have ended.
         */
        public Builder ownerEnded(Predicate<String> value) {
            this.ownerEnded = Objects.requireNonNull(value, "ownerEnded");
            return this;
        }

        /**
         * What starts the rollouts' lifecycle hooks (commands, webhooks). By default none: a rollout
         * that has hooks fails at its first one, saying so.
         */
        public Builder hooks(HookRunner value) {
            this.hooks = Objects.requireNonNull(value, "hooks");
            return this;
        }

        /**
         * The freeze windows of each application's environment, checked again before a rollout promotes
         * (see {@code PromotionFreeze}). By default none.
         */
        public Builder freezes(Function<DeploymentKey, FreezeCalendar> value) {
            this.freezes = Objects.requireNonNull(value, "freezes");
            return this;
        }

        public Orchestrator build() {
            return new Orchestrator(this);
        }
    }
}
