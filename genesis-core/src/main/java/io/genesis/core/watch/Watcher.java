package io.genesis.core.watch;

import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
    /** The watches this instance has woken since it started, so that picking up new ones skips them. */
    private final Set<WatchId> running = ConcurrentHashMap.newKeySet();

    private Watcher(Builder builder) {
        Clock clock = Objects.requireNonNull(builder.clock, "clock");
        Scheduler scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.store = Objects.requireNonNull(builder.store, "store");
        String owner = Objects.requireNonNull(builder.owner, "owner");
        this.leases = new Leases<>(
                owner,
                builder.leaseTtl,
                clock,
                scheduler,
                serial,
                "watch-heartbeat:" + owner,
                this::heartbeat,
                builder.ownerEnded);
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
        supersede(request, id);
        Instant now = recorder.now();
        WatchState started = serial.call(
                id, () -> recorder.save(WatchState.started(id, request, leases.owner(), now, leases.leaseUntil())));
        recorder.emit(
                started,
                "watching version " + request.version().value() + " of " + request.key() + " until " + started.endsAt()
                        + ", started by " + request.initiator());
        running.add(id);
        leases.activate(id);
        leases.ensureHeartbeat();
        wakeups.at(id, started.sampling().nextSampleAt());
        return id;
    }

    /**
     * Stores a watch of {@code request}'s version for another process to run: it is claimed by
     * nobody (its lease has run out already), so the next {@link #reconcile} of any watcher on the
     * same store adopts it. For hosts whose own process ends soon, such as one {@code genesis deploy}. Earlier watches of the same key end as {@link WatchVerdict#SUPERSEDED}.
     */
    public WatchId register(WatchRequest request) {
        WatchId id = ids.get();
        supersede(request, id);
        Instant now = recorder.now();
        WatchState stored = WatchState.started(id, request, leases.owner(), now, now);
        store.save(stored);
        recorder.emit(
                stored,
                "registered a watch of version " + request.version().value() + " of " + request.key() + " until "
                        + stored.endsAt() + ", started by " + request.initiator()
                        + "; a watcher of this store runs it");
        return id;
    }

    private void supersede(WatchRequest request, WatchId by) {
        String rollout = request.rolloutId().isEmpty() ? "" : ", rollout " + request.rolloutId();
        for (WatchState older : runningOf(request.key())) {
            askToEnd(
                    older.id(),
                    WatchVerdict.SUPERSEDED,
                    "superseded by watch " + by + " (version "
                            + request.version().value() + rollout + ")");
        }
    }

    /** Takes the samples that are due, and schedules the next wake-up. */
    public WatchState tick(WatchId id) {
        return serial.call(id, () -> {
            WatchState state = recorder.load(id);
            if (!running.contains(id)) {
                // Released, or never started or adopted here: a late wake-up must not claim it again.
                return state;
            }
            if (state.ended() || leases.heldByOther(state.owner(), state.leaseExpiresAt())) {
                // Ended or taken over elsewhere: stop running it here, so a later reconcile may adopt it again.
                settle(id);
                return state;
            }
            Optional<WatchState> asked = endIfAsked(state);
            if (asked.isPresent()) {
                return asked.get();
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
     * A person ends a running watch as {@link WatchVerdict#STOPPED}, recording who and why. The request
     * is stored first; a watch this watcher runs, or that nobody runs now, ends here and now, and one
     * that another live process runs ends at that process's next wake-up (its sample, or its next
     * {@link #reconcile}), whichever process it is.
     *
     * @return the watch as stored now: ended, or still running under its owner with the request stored
     * @throws IllegalStateException when it has ended already
     */
    public WatchState stop(WatchId id, String by, String why) {
        WatchState state = recorder.load(id);
        if (state.ended()) {
            throw new IllegalStateException(
                    "watch " + id + " has ended already: " + state.outcome().verdict());
        }
        return askToEnd(id, WatchVerdict.STOPPED, "stopped by " + by + ": " + why);
    }

    /**
     * Stops every running watch of {@code key}, or only those of {@code version}, as {@link #stop} does.
     *
     * @param version the version, or empty for every running watch of the key
     * @return each watch as stored now; empty when none of them runs
     */
    public List<WatchState> stop(DeploymentKey key, Optional<Version> version, String by, String why) {
        List<WatchState> stopped = new ArrayList<>();
        for (WatchState running : runningOf(key)) {
            if (version.isEmpty() || version.get().equals(running.request().version())) {
                stopped.add(askToEnd(running.id(), WatchVerdict.STOPPED, "stopped by " + by + ": " + why));
            }
        }
        return stopped;
    }

    /**
     * Stores the request that the watch end, then ends it here unless another live process runs it,
     * which ends it at its next wake-up. A watch that has ended already is left as it is.
     */
    WatchState askToEnd(WatchId id, WatchVerdict verdict, String why) {
        return serial.call(id, () -> {
            WatchState state = recorder.load(id);
            if (state.ended()) {
                return state;
            }
            // Stored even when it ends here: a process adopting it meanwhile finds the request at its wake-up.
            store.requestEnd(new WatchEndRequest(id, verdict, why, recorder.now()));
            if (leases.heldByOther(state.owner(), state.leaseExpiresAt())) {
                return state;
            }
            return end(state, verdict, why);
        });
    }

    /** Ends the watch as asked, if someone asked. */
    private Optional<WatchState> endIfAsked(WatchState state) {
        return store.endRequested(state.id()).map(asked -> end(state, asked.verdict(), asked.reason()));
    }

    /**
     * At start-up: adopts every running watch whose owner died (or that this engine ran before a
     * restart) and wakes it now; it samples the time it was down as one sample. Watches of live
     * owners are left to them.
     *
     * <p>A long-running host (such as {@code genesis serve}) calls it again every few seconds to pick
     * up watches {@link #register registered} by other processes and those whose owner died since;
     * the watches this instance runs already are skipped, so each call costs one listing of the store.
     *
     * @return the watches resumed or adopted by this call
     */
    public List<WatchId> reconcile() {
        List<WatchId> resumed = new ArrayList<>();
        for (WatchState stored : store.list()) {
            if (running.contains(stored.id()) && !stored.ended()) {
                // A stop asked by another process is heard here too, not only at the next sample.
                serial.run(stored.id(), () -> {
                    WatchState current = recorder.load(stored.id());
                    if (running.contains(current.id()) && !current.ended()) {
                        endIfAsked(current);
                    }
                });
                continue;
            }
            if (stored.ended()
                    || running.contains(stored.id())
                    || leases.heldByOther(stored.owner(), stored.leaseExpiresAt())) {
                continue;
            }
            WatchId id = stored.id();
            serial.run(id, () -> {
                WatchState adopted = recorder.save(recorder.load(id));
                if (!stored.owner().equals(leases.owner())) {
                    recorder.emit(adopted, "adopted from " + stored.owner());
                }
            });
            running.add(id);
            leases.activate(id);
            wakeups.at(id, recorder.now());
            resumed.add(id);
        }
        leases.ensureHeartbeat();
        return resumed;
    }

    /**
     * A graceful stop: stops running every watch here and stores each with its claim run out, so the
     * next watcher of the store (another {@code genesis serve}, here or on another machine) adopts it at
     * once instead of after the lease. A sample under way finishes first. Nothing ends.
     *
     * @return the watches handed over
     */
    public List<WatchId> release() {
        List<WatchId> released = new ArrayList<>();
        for (WatchId id : List.copyOf(running)) {
            serial.run(id, () -> {
                Optional<WatchState> stored = store.load(id);
                if (stored.isPresent()
                        && !stored.get().ended()
                        && stored.get().owner().equals(leases.owner())) {
                    WatchState state = stored.get();
                    store.save(state.claimed(state.revision() + 1, state.owner(), recorder.now()));
                    released.add(id);
                }
                settle(id);
            });
        }
        return released;
    }

    /** The watches this instance runs now. */
    public Set<WatchId> running() {
        return Set.copyOf(running);
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

    /** The running watches of {@code key}, oldest first. */
    List<WatchState> runningOf(DeploymentKey key) {
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
        running.remove(id);
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
        private Predicate<String> ownerEnded = other -> false;

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

        /**
         * Whether another owner's process has certainly ended, so that its watches are adopted at once
         * instead of when its claims run out; unknown must answer false (the default for every owner).
         */
        public Builder ownerEnded(Predicate<String> value) {
            this.ownerEnded = Objects.requireNonNull(value, "ownerEnded");
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
