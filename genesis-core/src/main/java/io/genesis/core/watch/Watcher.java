package io.genesis.core.watch;

import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs post-deploy watches: one persisted state machine per (application, environment, version)
 * on the shared scheduler, with no thread per watch. It shares the rollout engine's pieces: the
 * per-item lock ({@link Serial}), the claims and heartbeat ({@link Leases}), the wake-ups
 * ({@link Wakeups}); a critical incident rolls back through the rollouts' own rollback
 * ({@link WatchRollback#through}).
 *
 * <p>Callers {@link #start} a watch after a successful rollout (or on demand), may {@link #stop}
 * it, and call {@link #reconcile} at start-up; the scheduler drives {@link #tick}.
 */
public final class Watcher {

    private final WatchStore store;
    private final Serial<WatchId> serial = new Serial<>();
    private final Leases<WatchId> leases;
    private final Wakeups<WatchId> wakeups;
    private final WatchRecorder recorder;
    private final WatchMachine machine;
    private final Supplier<WatchId> ids;

    private Watcher(Builder builder) {
        Clock clock = Objects.requireNonNull(builder.clock, "clock");
        Scheduler scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.store = Objects.requireNonNull(builder.store, "store");
        String owner = Objects.requireNonNull(builder.owner, "owner");
        this.leases = new Leases<>(
                owner, builder.leaseTtl, clock, scheduler, serial, "watch-heartbeat:" + owner, this::heartbeat);
        this.wakeups = new Wakeups<>(scheduler, "watch", this::tick);
        this.recorder = new WatchRecorder(store, leases, Objects.requireNonNull(builder.listener, "listener"), clock);
        this.machine = new WatchMachine(
                recorder,
                Objects.requireNonNull(builder.metricSources, "metricSources"),
                Objects.requireNonNull(builder.rollback, "rollback"),
                builder.pollInterval);
        this.ids = builder.ids == null ? WatchId.generator(clock) : builder.ids;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts watching {@code request}'s version. Earlier watches of the same application and
     * environment still running end as {@link WatchVerdict#SUPERSEDED}, recorded.
     */
    public WatchId start(WatchRequest request) {
        WatchId id = ids.get();
        for (WatchState older : running(request.key())) {
            serial.run(
                    older.id(),
                    () -> end(
                            recorder.load(older.id()),
                            WatchVerdict.SUPERSEDED,
                            "superseded by watch " + id + " (version "
                                    + request.version().value() + ")"));
        }
        Instant now = recorder.now();
        WatchState started = serial.call(
                id, () -> recorder.save(WatchState.started(id, request, leases.owner(), now, leases.leaseUntil())));
        recorder.emit(
                started,
                "watching version " + request.version().value() + " of " + request.key() + " until " + started.endsAt()
                        + ", started by " + request.initiator());
        leases.activate(id);
        leases.ensureHeartbeat();
        wakeups.at(id, started.sampling().nextSampleAt());
        return id;
    }

    /** Takes the samples that are due, and schedules the next wake-up. */
    public WatchState tick(WatchId id) {
        return serial.call(id, () -> {
            WatchState state = recorder.load(id);
            if (state.ended() || leases.heldByOther(state.owner(), state.leaseExpiresAt())) {
                return state;
            }
            WatchMachine.Step step;
            try {
                step = machine.advance(state);
            } catch (RuntimeException e) {
                // A store hiccup: try again at the next interval rather than stall for good.
                wakeups.at(id, recorder.now().plus(state.request().thresholds().sampleInterval()));
                throw e;
            }
            step.wakeAt().ifPresentOrElse(at -> wakeups.at(id, at), () -> settle(id));
            return step.state();
        });
    }

    /**
     * Ends a running watch as {@link WatchVerdict#STOPPED}, recording who and why.
     *
     * @throws IllegalStateException when it has ended already
     */
    public WatchState stop(WatchId id, String by, String why) {
        return serial.call(id, () -> {
            WatchState state = recorder.load(id);
            if (state.ended()) {
                throw new IllegalStateException(
                        "watch " + id + " has ended already: " + state.outcome().verdict());
            }
            return end(state, WatchVerdict.STOPPED, "stopped by " + by + ": " + why);
        });
    }

    /**
     * At start-up: adopts every running watch whose owner died (or that this engine ran before a
     * restart) and wakes it now; it samples the time it was down as one sample. Watches of live
     * owners are left to them.
     *
     * @return the watches resumed
     */
    public List<WatchId> reconcile() {
        List<WatchId> resumed = new ArrayList<>();
        for (WatchState stored : store.list()) {
            if (stored.ended() || leases.heldByOther(stored.owner(), stored.leaseExpiresAt())) {
                continue;
            }
            WatchId id = stored.id();
            serial.run(id, () -> {
                WatchState adopted = recorder.save(recorder.load(id));
                if (!stored.owner().equals(leases.owner())) {
                    recorder.emit(adopted, "adopted from " + stored.owner());
                }
            });
            leases.activate(id);
            wakeups.at(id, recorder.now());
            resumed.add(id);
        }
        leases.ensureHeartbeat();
        return resumed;
    }

    /** Renews this engine's claims on the watches it runs; scheduled by the engine itself. */
    public void heartbeat() {
        leases.heartbeat(new Leases.Renewer<>() {
            @Override
            public Instant renewLock(WatchId id, DeploymentKey key, Instant now) {
                return null;
            }

            @Override
            public boolean renewState(WatchId id) {
                Optional<WatchState> stored = store.load(id);
                if (stored.isEmpty()
                        || stored.get().ended()
                        || !stored.get().owner().equals(leases.owner())) {
                    return false;
                }
                recorder.save(stored.get());
                return true;
            }
        });
    }

    /** The watch as stored now. */
    public Optional<WatchState> view(WatchId id) {
        return store.load(id);
    }

    /** Every stored watch, oldest id first. */
    public List<WatchState> list() {
        return store.list();
    }

    private List<WatchState> running(DeploymentKey key) {
        return store.list().stream()
                .filter(s -> !s.ended() && s.request().key().equals(key))
                .toList();
    }

    private WatchState end(WatchState state, WatchVerdict verdict, String why) {
        Instant now = recorder.now();
        WatchState closed = state.openIncident()
                .map(open -> state.withIncident(open.closed(now, "open when the watch ended: " + why)))
                .orElse(state);
        WatchState ended = recorder.save(closed.ended(verdict, why, now));
        recorder.emit(ended, "ended " + verdict + ": " + why, WatchMilestone.ENDED, null);
        settle(state.id());
        return ended;
    }

    private void settle(WatchId id) {
        wakeups.cancel(id);
        leases.forget(id);
        machine.forget(id);
        leases.ensureHeartbeat();
    }

    /** Assembles a watcher from its ports. */
    public static final class Builder {
        private Clock clock;
        private Scheduler scheduler;
        private WatchStore store;
        private String owner;
        private Duration leaseTtl = Duration.ofMinutes(1);
        private Duration pollInterval = Duration.ofSeconds(5);
        private MetricSourceFactory metricSources;
        private WatchRollback rollback = WatchRollback.none();
        private WatchListener listener = event -> {};
        private Supplier<WatchId> ids;

        private Builder() {}

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        public Builder store(WatchStore value) {
            this.store = value;
            return this;
        }

        /** This engine instance, and how long its claims last without a heartbeat. */
        public Builder owner(String name, Duration ttl) {
            this.owner = name;
            this.leaseTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** How often a rollback under way is asked whether traffic is back. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        public Builder metricSources(MetricSourceFactory value) {
            this.metricSources = value;
            return this;
        }

        public Builder rollback(WatchRollback value) {
            this.rollback = value;
            return this;
        }

        public Builder listener(WatchListener value) {
            this.listener = value;
            return this;
        }

        /** How ids are made; by default time-ordered random ids. */
        public Builder ids(Supplier<WatchId> value) {
            this.ids = value;
            return this;
        }

        public Watcher build() {
            return new Watcher(this);
        }
    }
}
