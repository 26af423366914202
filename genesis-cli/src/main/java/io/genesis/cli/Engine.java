package io.genesis.cli;

import io.genesis.core.approval.Approver;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.hook.HookRunners;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Analyzer;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.SampleVerdict;
import io.genesis.core.notify.HttpSender;
import io.genesis.core.notify.NotificationDelivery;
import io.genesis.core.notify.NotificationListener;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.Outbox;
import io.genesis.core.notify.OutboxEntry;
import io.genesis.core.notify.SecretResolver;
import io.genesis.core.policy.Environment;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.core.time.Scheduler;
import io.genesis.core.watch.WatchListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rollout engine as one command runs it: the orchestrator on the durable file stores under the
 * state directory, woken by a real-time scheduler on the system clock, with this command's target
 * kinds and the locks they keep with their targets (a Kubernetes Lease), else the state directory's.
 * Closing it stops the scheduler; what the kinds started is closed by whoever made them.
 */
final class Engine implements AutoCloseable {

    private final StateDir dir;
    private final Clock clock;
    private final EngineOwner owner;
    private final TargetKinds kinds;
    private final FileRolloutStateStore states;
    private final HistoryStore history;
    private final TargetLocks locks;
    private final ExecutorScheduler scheduler;
    private final Orchestrator orchestrator;
    private final Notifications notifications;

    private Engine(Builder builder) {
        this.dir = builder.dir;
        this.clock = builder.host.clock();
        this.owner = EngineOwner.ofThisProcess();
        this.kinds = builder.kinds;
        this.states = dir.states();
        this.history = builder.history == null ? HistoryStores.fileOnly(dir) : builder.history;
        this.locks = new TargetLocks(states, kinds, dir.locks());
        PrintWriter err = builder.err;
        this.scheduler = new ExecutorScheduler(builder.host.clock(), e -> {
            synchronized (err) {
                err.println("genesis: a rollout step failed and will be tried again: " + e.getMessage());
                err.flush();
            }
        });
        this.notifications = new Notifications(dir, builder.host.clock(), scheduler, builder.notify, err);
        Consumer<SampleVerdict> samples = builder.samples;
        AnalysisThresholds thresholds = builder.thresholds;
        this.orchestrator = Orchestrator.builder()
                .settings(settings(owner).withProgressDeadline(builder.progressDeadline))
                .clock(builder.host.clock())
                .scheduler(scheduler)
                .states(states)
                .locks(locks)
                .history(history)
                .targets(NarratedTarget.narrating(kinds, builder.say, builder.host.clock(), builder.progressDeadline))
                .metricSources(spec -> new Observed(kinds.open(spec), thresholds, samples))
                .approver(builder.approver)
                .listener(notifications.rollouts(builder.listener))
                // A rollout whose engine's process has ended here is taken over at once, not after its lease.
                .ownerEnded(name -> new EngineOwner(name).certainlyEnded())
                // Command hooks run in the directory genesis was started in, as the gate reads reports there.
                .hooks(HookRunners.standard(Path.of("").toAbsolutePath()))
                .freezes(builder.freezes)
                .build();
    }

    /** How long an engine's claim on a rollout lasts without a renewal. */
    static final Duration LEASE_TTL = Duration.ofMinutes(1);

    static Builder builder(StateDir dir, Host host, TargetKinds kinds, PrintWriter err) {
        return new Builder(dir, host, kinds, err);
    }

    /**
     * The command line's engine settings: one-minute leases (a stopped process frees its key soon),
     * health and weights checked every half second (for as long as each rollout's environment allows,
     * its health deadline; {@link Environment#DEFAULT_HEALTH_DEADLINE} for a rollout stored without one),
     * queued rollouts asking for the lock every second, failed rollbacks tried three times two seconds apart.
     */
    static EngineSettings settings(EngineOwner owner) {
        return EngineSettings.defaults(owner.name())
                .withLeaseTtl(LEASE_TTL)
                .withPollInterval(Duration.ofMillis(500))
                .withProgressDeadline(Environment.DEFAULT_HEALTH_DEADLINE)
                .withLockRetryInterval(Duration.ofSeconds(1))
                .withRollbackAttempts(3, Duration.ofSeconds(2));
    }

    Orchestrator orchestrator() {
        return orchestrator;
    }

    /** The real-time scheduler the orchestrator runs on, for what shares it (a watch). */
    Scheduler scheduler() {
        return scheduler;
    }

    EngineOwner owner() {
        return owner;
    }

    StateDir dir() {
        return dir;
    }

    TargetKinds kinds() {
        return kinds;
    }

    FileRolloutStateStore states() {
        return states;
    }

    /** The records: per environment the state directory's or the cluster's ({@link HistoryStores}). */
    HistoryStore history() {
        return history;
    }

    /** The locks of every application and environment: with their targets where they live there. */
    TargetLocks locks() {
        return locks;
    }

    /**
     * Ends rollouts whose target lived inside a genesis process that has ended (a sandbox): they can
     * neither go on nor be rolled back, and would hold their key's lock until their lease ran out and
     * then halt. Each is rolled back, which fails against the vanished target and so ends it
     * {@code FAILED} with that reason (or {@code ABORTED} if it had touched nothing).
     *
     * @param say where a line about each rollout ended goes, once all are ended (the command's progress),
     *     so that whoever watches knows why a rollout they did not touch has ended
     * @return the states that were ended
     */
    List<RolloutState> endOrphans(Consumer<String> say) {
        return endOrphans(say, Optional.empty());
    }

    /**
     * Who asked for a rollback of a key, and why: a rollout of that key found orphaned is ended in their
     * name and with their words, not the engine's, so that the record says who asked and why.
     *
     * @param key the application and environment asked about
     * @param reason the words given (--reason)
     * @param by who asked, as recorded
     */
    record Asked(DeploymentKey key, String reason, String by) {}

    /**
     * {@link #endOrphans(Consumer)}, where an orphan of {@code asked}'s key is ended with the words and
     * name of whoever asked for its rollback.
     */
    List<RolloutState> endOrphans(Consumer<String> say, Optional<Asked> asked) {
        List<RolloutState> ended = new ArrayList<>();
        for (RolloutState state : states.list()) {
            if (state.stage() == Stage.DONE) {
                continue;
            }
            EngineOwner stateOwner = new EngineOwner(state.owner());
            Optional<TargetKind> kind = kindOf(state);
            boolean gone = !stateOwner.inThisProcess()
                    && (stateOwner.certainlyEnded() || !state.leaseExpiresAt().isAfter(clock.instant()));
            if (kind.isPresent() && kind.get().livesInProcess() && gone) {
                String why = "its " + kind.get().name() + " target ran inside " + stateOwner.describe()
                        + ", which has ended";
                Optional<Asked> mine =
                        asked.filter(a -> a.key().equals(state.request().key()));
                orchestrator.rollback(
                        state.id(),
                        mine.map(a -> a.reason() + "; " + why).orElse(why),
                        mine.map(Asked::by).orElse("genesis"));
                ended.add(state);
            }
        }
        ended.forEach(state -> say.accept("ending rollout " + state.id() + " ("
                + state.request().key() + "): its target ran inside a genesis process that has ended"));
        return ended;
    }

    /** The target kind a stored rollout names, if this command knows it. */
    Optional<TargetKind> kindOf(RolloutState state) {
        return kinds.find(state.request().target().kind());
    }

    /** {@code log}, plus the notifications of watch milestones when this command has channels. */
    WatchListener watches(WatchListener log) {
        return notifications.watches(log);
    }

    /** The outbox this command delivers, if it has channels: for a host that delivers on its own schedule. */
    Optional<Outbox> outbox() {
        return notifications.outbox();
    }

    @Override
    public void close() {
        scheduler.close();
        notifications.close();
    }

    /**
     * The command's notifications: its outbox under the state directory, delivered on a thread of its
     * own while the command runs, and once more, bounded, when it ends.
     */
    private static final class Notifications {

        /** How long a command that is done may spend sending what is due before it exits. */
        static final Duration LAST_ROUND = Duration.ofSeconds(10);

        private final Clock clock;
        private final PrintWriter err;
        private final Outbox outbox;
        private final NotificationListener listener;
        private final ExecutorService sender;

        Notifications(StateDir dir, Clock clock, Scheduler scheduler, NotificationTargets targets, PrintWriter err) {
            this.clock = clock;
            this.err = err;
            if (targets.isEmpty()) {
                this.outbox = null;
                this.listener = null;
                this.sender = null;
                return;
            }
            this.outbox = Outbox.builder(dir.notificationDir())
                    .clock(clock)
                    .targets(targets)
                    .secrets(SecretResolver.of(System.getenv()))
                    .sender(new HttpSender(Duration.ofSeconds(5)))
                    .build();
            this.sender = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "genesis-notify");
                thread.setDaemon(true);
                return thread;
            });
            NotificationDelivery delivery = new NotificationDelivery(outbox, scheduler, sender, clock, this::say);
            this.listener = new NotificationListener(delivery, this::say);
            delivery.wake();
        }

        RolloutListener rollouts(RolloutListener log) {
            return listener == null ? log : listener.rollouts(log);
        }

        WatchListener watches(WatchListener log) {
            return listener == null ? log : listener.watches(log);
        }

        Optional<Outbox> outbox() {
            return Optional.ofNullable(outbox);
        }

        void close() {
            if (outbox == null) {
                return;
            }
            sender.shutdown();
            try {
                if (!sender.awaitTermination(LAST_ROUND.toSeconds(), TimeUnit.SECONDS)) {
                    sender.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Instant now = clock.instant();
                outbox.deliverDue(now, now.plus(LAST_ROUND));
                long open = outbox.entries().stream()
                        .filter(e ->
                                e.status() == OutboxEntry.Status.PENDING || e.status() == OutboxEntry.Status.SENDING)
                        .count();
                if (open > 0) {
                    say("genesis: " + open + " notification(s) not delivered yet; they wait in " + outbox.directory()
                            + " for the next genesis command or genesis serve");
                }
            } catch (RuntimeException e) {
                say("genesis: notifications: " + e.getMessage());
            }
        }

        private void say(String line) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }

    /** A metric source that also hands every sample, as judged, to the progress lines. */
    private static final class Observed implements MetricSource {
        private final MetricSource source;
        private final AnalysisThresholds thresholds;
        private final Consumer<SampleVerdict> samples;

        Observed(MetricSource source, AnalysisThresholds thresholds, Consumer<SampleVerdict> samples) {
            this.source = source;
            this.thresholds = thresholds;
            this.samples = samples;
        }

        @Override
        public String describe() {
            return source.describe();
        }

        @Override
        public Set<Metric> metrics() {
            return source.metrics();
        }

        @Override
        public MetricReadings sample(MetricWindow window) {
            MetricReadings readings = source.sample(window);
            try {
                samples.accept(new Analyzer(thresholds, source.metrics()).classify(readings));
            } catch (RuntimeException e) {
                // Showing a sample must never change how the engine judges it.
            }
            return readings;
        }
    }

    /** Assembles an engine; approver, listener and sample display default to doing nothing. */
    static final class Builder {
        private final StateDir dir;
        private final Host host;
        private final TargetKinds kinds;
        private final PrintWriter err;
        private Approver approver = request -> {
            throw new IllegalStateException("this command cannot ask anybody for approval: " + request.question());
        };
        private RolloutListener listener = event -> {};
        private Consumer<SampleVerdict> samples = verdict -> {};
        private AnalysisThresholds thresholds = AnalysisThresholds.defaults();
        private Duration progressDeadline = Environment.DEFAULT_HEALTH_DEADLINE;
        private Consumer<String> say = line -> {};
        private NotificationTargets notify = NotificationTargets.NONE;
        private HistoryStore history;
        private Function<DeploymentKey, FreezeCalendar> freezes = key -> FreezeCalendar.NONE;

        private Builder(StateDir dir, Host host, TargetKinds kinds, PrintWriter err) {
            this.dir = dir;
            this.host = host;
            this.kinds = kinds;
            this.err = err;
        }

        /** The freeze windows the engine checks again before a rollout promotes, per application and environment. */
        Builder freezes(Function<DeploymentKey, FreezeCalendar> value) {
            this.freezes = value;
            return this;
        }

        Builder approver(Approver value) {
            this.approver = value;
            return this;
        }

        Builder listener(RolloutListener value) {
            this.listener = value;
            return this;
        }

        /** Shows each analysis sample, judged against {@code shownWith}. */
        Builder samples(Consumer<SampleVerdict> value, AnalysisThresholds shownWith) {
            this.samples = value;
            this.thresholds = shownWith;
            return this;
        }

        /**
         * The health deadline this command's rollout was given, for the lines that say how long is left
         * (the engine itself takes each rollout's own from its request).
         */
        Builder progressDeadline(Duration value) {
            this.progressDeadline = value;
            return this;
        }

        /** Where lines about what a step waits for go (the command's progress). */
        Builder say(Consumer<String> value) {
            this.say = value;
            return this;
        }

        /** Where the deployment records go; the state directory's by default. */
        Builder history(HistoryStore value) {
            this.history = value;
            return this;
        }

        /** Where notifications go (the policy's notify: sections); none by default. */
        Builder notifications(NotificationTargets value) {
            this.notify = value;
            return this;
        }

        Engine build() {
            return new Engine(this);
        }
    }
}
