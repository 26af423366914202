package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Approver;
import io.genesis.core.board.BoardRow;
import io.genesis.core.board.DeploymentBoard;
import io.genesis.core.board.HistoryTable;
import io.genesis.core.board.RunningRollouts;
import io.genesis.core.board.RunningRow;
import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.record.DeployedBaseline;
import io.genesis.core.gate.record.FileGateRecordStore;
import io.genesis.core.gate.record.GateRecordStore;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.LegacyHistory;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.indexed.IndexedHistoryStore;
import io.genesis.core.hook.HookRunners;
import io.genesis.core.monitor.MetricSourceFactory;
import io.genesis.core.promotion.PromotionCheck;
import io.genesis.core.recovery.UnreadableStates;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.ReconcileReport;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.rollout.RolloutMilestone;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.StuckLocks;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetFactory;
import io.genesis.core.time.Scheduler;
import io.genesis.core.watch.FileWatchStore;
import io.genesis.core.watch.WatchRollback;
import io.genesis.core.watch.WatchStore;
import io.genesis.core.watch.Watcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The controller's rollout engine: one {@link Orchestrator} on the durable file stores of one
 * directory (under {@code JENKINS_HOME/genesis} in Jenkins), woken by its own scheduler. It knows no
 * Jenkins type, so tests drive it exactly as the Pipeline steps do.
 *
 * <p>Steps wait without a thread: each registers a {@link RolloutWatcher} by rollout id; the engine's
 * events go to that watcher, and when the rollout's record is stored the watcher hears the end once.
 * A rollout started by a step gets an id derived from the step's idempotency key (the build and the
 * step's node), so a second start of the same step, or a resumed step that never learnt its id,
 * finds the same rollout instead of deploying twice.
 */
public final class RolloutHost implements AutoCloseable {

    private static final String OWNER_FILE = "engine-owner";
    /**
     * The deployment records, outside every job's directory, so deleting a job, discarding its builds or
     * removing a branch leaves them; indexed by application, environment and job.
     */
    static final String RECORDS = "records";

    private final Orchestrator engine;
    private final FileRolloutStateStore states;
    private final IndexedHistoryStore history;
    /** What moving an old {@code history.jsonl} into the indexed store did, for the controller's log. */
    private final List<String> migrated = new ArrayList<>();

    private final FileRolloutLock locks;
    private final GateRecordStore gates;
    private final WatchStore watches;
    private final Scheduler scheduler;
    private final AutoCloseable stopScheduler;
    private final Clock clock;
    private final Map<RolloutId, RolloutWatcher> watchers = new ConcurrentHashMap<>();
    private final Consumer<DeploymentRecord> unwatched;
    private final Consumer<DeploymentRecord> ended;
    /** Later listeners to every ended record, such as the post-deploy watch that starts after a success. */
    private final List<Consumer<DeploymentRecord>> alsoEnded = new CopyOnWriteArrayList<>();

    private final Path directory;
    private final EngineSettings settings;
    private final MetricSourceFactory metricSources;
    /** Hears the milestones of every rollout (notifications). */
    private final RolloutListener milestones;

    private final Object submitting = new Object();
    /** The bodies of the steps waiting here, which the engine runs as their pre-traffic hooks. */
    private final PipelineBodies bodies = new PipelineBodies();
    /** Rollouts whose step was stopped before the engine took them: they must not start. */
    private final Set<RolloutId> withdrawn = ConcurrentHashMap.newKeySet();
    /** The id the rollout being submitted gets; read by the engine's id supplier inside submit. */
    private volatile RolloutId nextId;

    private RolloutHost(Builder builder) {
        Path dir = Objects.requireNonNull(builder.directory, "directory");
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.scheduler = Objects.requireNonNull(builder.scheduler, "scheduler");
        this.stopScheduler = builder.stopScheduler;
        this.unwatched = builder.unwatched;
        this.ended = builder.ended;
        this.directory = dir;
        this.milestones = builder.milestones;
        this.states = new FileRolloutStateStore(dir.resolve("rollouts"));
        this.history = new IndexedHistoryStore(dir.resolve(RECORDS));
        migrateLegacyHistory(dir);
        this.locks = new FileRolloutLock(dir.resolve("locks"));
        this.gates = new FileGateRecordStore(dir.resolve("gates"));
        this.watches = new FileWatchStore(dir.resolve("watches"));
        this.settings = builder.settings == null
                ? EngineSettings.defaults(ownerOf(dir))
                : builder.settings.withOwner(ownerOf(dir));
        this.metricSources = Objects.requireNonNull(builder.metricSources, "metricSources");
        this.engine = Orchestrator.builder()
                .settings(settings)
                .clock(clock)
                .scheduler(scheduler)
                .states(states)
                .locks(locks)
                .history(history)
                .targets(Objects.requireNonNull(builder.targets, "targets"))
                .metricSources(metricSources)
                .approver(Objects.requireNonNull(builder.approver, "approver"))
                .listener(new RolloutListener() {
                    @Override
                    public void onEvent(RolloutEvent event) {
                        heard(event);
                    }

                    @Override
                    public void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
                        milestones.onMilestone(milestone, state, event);
                    }
                })
                .ids(this::takeId)
                .hooks(HookRunners.withoutCommands(
                        bodies,
                        "give genesisDeploy a body, which runs on an agent: genesisDeploy(...) { node { sh '...' } }"))
                .freezes(builder.freezes)
                .build();
    }

    /** The bodies of the steps waiting for rollouts here. */
    PipelineBodies bodies() {
        return bodies;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The id of the rollout a step with {@code idempotencyKey} starts: the same key, the same rollout. */
    public static String idFor(String idempotencyKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "j-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Starts the rollout of the step with {@code idempotencyKey}, or attaches {@code watcher} to it
     * when it exists already. The submission itself runs on the engine's thread, never the caller's:
     * opening a target may take a while, and a Pipeline step must not hold the script's thread.
     *
     * @return the rollout's id
     */
    public String deploy(String idempotencyKey, RolloutRequest request, RolloutWatcher watcher) {
        RolloutId id = RolloutId.of(idFor(idempotencyKey));
        watchers.put(id, watcher);
        if (states.load(id).isPresent()) {
            watcher.say("attached to rollout " + id + ", which this step started before");
            checkEnded(id);
            return id.value();
        }
        scheduler.schedule("submit:" + id, clock.instant(), () -> submit(id, request));
        return id.value();
    }

    private void submit(RolloutId id, RolloutRequest request) {
        try {
            synchronized (submitting) {
                if (states.load(id).isPresent() || withdrawn.remove(id)) {
                    return;
                }
                nextId = id;
                try {
                    engine.submit(request);
                } finally {
                    nextId = null;
                }
            }
        } catch (RuntimeException e) {
            RolloutWatcher watcher = watchers.remove(id);
            if (watcher != null) {
                watcher.refused(describe(e));
            }
            return;
        }
        if (withdrawn.remove(id)) {
            // The step was stopped while the engine took the request: undo it at once, with a record.
            engine.rollback(id, "the build was stopped while the rollout was being submitted", "jenkins");
        }
        checkEnded(id);
    }

    /**
     * Makes sure a rollout submitted by {@link #deploy} but not yet stored never starts (its step was
     * stopped); one the engine is taking right now is rolled back as soon as it is stored.
     *
     * @return whether the rollout is stored already (then roll it back instead)
     */
    public boolean withdraw(String rolloutId) {
        RolloutId id = RolloutId.of(rolloutId);
        withdrawn.add(id);
        watchers.remove(id);
        if (states.load(id).isPresent()) {
            withdrawn.remove(id);
            return true;
        }
        return false;
    }

    private RolloutId takeId() {
        RolloutId id = nextId;
        if (id == null) {
            throw new IllegalStateException("a rollout was submitted outside RolloutHost.deploy; it has no step id");
        }
        return id;
    }

    /**
     * Attaches {@code watcher} to a stored rollout, such as after a restart. A rollout that ended
     * meanwhile is reported ended at once.
     *
     * @return whether the rollout exists
     */
    public boolean attach(String rolloutId, RolloutWatcher watcher) {
        RolloutId id = RolloutId.of(rolloutId);
        if (states.load(id).isEmpty()) {
            return false;
        }
        watchers.put(id, watcher);
        checkEnded(id);
        return true;
    }

    /** Whether the step with {@code idempotencyKey} has started a rollout that is stored. */
    public boolean started(String idempotencyKey) {
        return states.load(RolloutId.of(idFor(idempotencyKey))).isPresent();
    }

    /** Writes {@code line} to whoever waits for {@code rolloutId}, if anybody does. */
    public void say(String rolloutId, String line) {
        RolloutWatcher watcher = watchers.get(RolloutId.of(rolloutId));
        if (watcher != null) {
            watcher.say(line);
        }
    }

    /** Stops waiting for {@code rolloutId}; the rollout itself goes on. */
    public void detach(String rolloutId) {
        watchers.remove(RolloutId.of(rolloutId));
    }

    /**
     * Rolls {@code rolloutId} back on the engine's thread; {@code watcher} hears the end, or why the
     * engine refused (such as a rollout that ended otherwise, or whose previous version is gone).
     */
    public void rollback(String rolloutId, String reason, String by, RolloutWatcher watcher) {
        RolloutId id = RolloutId.of(rolloutId);
        watchers.put(id, watcher);
        scheduler.schedule("rollback:" + id, clock.instant(), () -> {
            try {
                engine.rollback(id, reason, by);
            } catch (RuntimeException e) {
                RolloutWatcher refused = watchers.remove(id);
                if (refused != null) {
                    refused.refused(describe(e));
                }
                return;
            }
            checkEnded(id);
        });
    }

    /**
     * Hands an approver's answer to the rollout; the engine checks it against the environment's rules.
     *
     * @throws io.genesis.core.approval.ApprovalRefusedException when the rules refuse it
     * @throws IllegalStateException when the rollout waits for no approval
     * @throws IllegalArgumentException when the rollout does not exist
     */
    public void decide(String rolloutId, ApprovalDecision decision) {
        engine.decide(RolloutId.of(rolloutId), decision);
    }

    /** The rollout as stored now. */
    public Optional<RolloutView> view(String rolloutId) {
        return engine.view(RolloutId.of(rolloutId));
    }

    /** The build that started {@code rolloutId} (a Jenkins run's externalizable id), if any. */
    public Optional<String> buildOf(String rolloutId) {
        return states.load(RolloutId.of(rolloutId))
                .map(state -> state.request().build())
                .filter(build -> !build.isEmpty());
    }

    /** The promotion path's check against this engine's history, gate records, watches and clock. */
    public PromotionCheck promotion() {
        return new PromotionCheck(history, clock, gates, watches);
    }

    /** What the gate decided per commit and environment, kept beside the history. */
    public GateRecordStore gateRecords() {
        return gates;
    }

    /** The benchmarks recorded for the version that runs for {@code key} now, or why there are none. */
    public RecordedBaseline deployedBaseline(DeploymentKey key) {
        return DeployedBaseline.of(key, history, gates);
    }

    /** The record of {@code rolloutId}, once it has ended. */
    public Optional<DeploymentRecord> record(String rolloutId) {
        return history.find(rolloutId);
    }

    /**
     * The newest rollout of {@code key} that {@code build} started, or of any build when
     * {@code build} is {@code null}: what a rollback step rolls back.
     */
    public Optional<String> latest(DeploymentKey key, String build) {
        return states.list().stream()
                .filter(state -> state.request().key().equals(key))
                .filter(state -> build == null || state.request().build().equals(build))
                .max(Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id))
                .map(state -> state.id().value());
    }

    /**
     * A post-deploy watcher's parts from this engine: its clock, scheduler and name (so a restarted
     * controller adopts its watches at once), a store under the same directory ({@code watches/}),
     * the same metric sources, and rollbacks through this engine's one rollback path, recorded on the
     * rollout's record. The caller adds its listener (and ids) and builds it.
     */
    public Watcher.Builder watchers() {
        return Watcher.builder()
                .clock(clock)
                .scheduler(scheduler)
                .store(watches)
                .owner(settings.owner(), settings.leaseTtl())
                .pollInterval(settings.pollInterval())
                .metricSources(metricSources)
                .rollback(WatchRollback.through(engine));
    }

    /**
     * The deployment records of this engine, for pages that show them: read a page at a time
     * ({@link HistoryStore#page}), by application and environment, job, or both.
     */
    public HistoryStore history() {
        return history;
    }

    /**
     * Drops the records {@code retention} lets go (what runs now always stays), such as at start-up.
     *
     * @return a line for the controller's log when anything was dropped
     */
    public List<String> compact(RecordRetention retention) {
        var result = history.compact(retention, clock.instant());
        if (result.dropped() == 0 && result.unreadable() == 0) {
            return List.of();
        }
        return List.of("compacted the deployment records in " + history.directory() + ": kept " + result.kept()
                + ", dropped " + result.dropped() + " past retention (" + retention.fallback()
                + " per application, environment and job"
                + (retention.byEnvironment().isEmpty()
                        ? ""
                        : ", or the environment's own: " + retention.byEnvironment())
                + ")"
                + (result.unreadable() == 0
                        ? ""
                        : ", moved " + result.unreadable() + " unreadable lines to unreadable.jsonl"));
    }

    /** Moves the records of a controller that kept them in one {@code history.jsonl} into the indexed store, once. */
    private void migrateLegacyHistory(Path dir) {
        try {
            LegacyHistory.migrate(dir.resolve("history.jsonl"), history).ifPresent(migrated::add);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not move the deployment records of " + dir.resolve("history.jsonl") + " into "
                            + history.directory() + ": " + e.getMessage() + "; the file is left as it was",
                    e);
        }
    }

    /** Where this engine keeps its files. */
    public Path directory() {
        return directory;
    }

    /** The engine's scheduler, for work that belongs with its rollouts and watches. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The engine's clock. */
    public Clock clock() {
        return clock;
    }

    /** The stored state of {@code rolloutId}, with the request it was started with. */
    public Optional<RolloutState> rollout(String rolloutId) {
        return states.load(RolloutId.of(rolloutId));
    }

    /** What runs in {@code key} now: the record of the last rollout there that succeeded and was not undone. */
    public Optional<DeploymentRecord> running(DeploymentKey key) {
        return history.running(key);
    }

    /**
     * What runs where for the job or folder with full name {@code job}: one row per application and
     * environment its builds deployed to, with the health of each version's post-deploy watch.
     */
    public List<BoardRow> board(String job) {
        return DeploymentBoard.of(history, watches.list(), job);
    }

    /** Every application and environment the builds of the job or folder {@code job} deployed to, whatever the outcome. */
    public Set<DeploymentKey> deployedKeys(String job) {
        return history.keys(job);
    }

    /** Page {@code page} (from 1) of the history of the job or folder with full name {@code job}, newest first. */
    public HistoryTable historyTable(String job, int page, int pageSize) {
        return HistoryTable.read(history, job, page, pageSize);
    }

    /** The rollouts of the job or folder with full name {@code job} that have not ended, newest first. */
    public List<RunningRow> inProgress(String job) {
        return RunningRollouts.of(states.list(), engine.list(), job);
    }

    /** Releases the lock of {@code key} when it is stuck (core's {@link StuckLocks} rule), else says why not. */
    public StuckLocks.Outcome releaseStuckLock(DeploymentKey key) {
        return new StuckLocks(locks, states).release(key, clock.instant());
    }

    /**
     * Rolls {@code rolloutId} back on the engine's thread without a step waiting for it, as a button on a
     * page asks: the rollout in progress is aborted, one that succeeded goes back to its previous version.
     * A step waiting for the rollout keeps waiting and hears the end; {@code refused} hears why the
     * engine refused, if it does.
     */
    public void rollbackAsked(String rolloutId, String reason, String by, Consumer<String> refused) {
        RolloutId id = RolloutId.of(rolloutId);
        scheduler.schedule("rollback:" + id, clock.instant(), () -> {
            try {
                engine.rollback(id, reason, by);
            } catch (RuntimeException e) {
                refused.accept(describe(e));
                return;
            }
            checkEnded(id);
        });
    }

    /** Also tells {@code listener} of every record that ended (or changed after its end), on the engine's thread. */
    public void alsoWhenEnded(Consumer<DeploymentRecord> listener) {
        alsoEnded.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * At start-up: resumes or rolls back what the previous controller left (the engine's
     * reconciler), then rolls back every unfinished rollout whose build no longer exists, since no
     * step waits for it and nobody would see its approval prompt.
     *
     * @param buildExists whether the build with a given externalizable id still exists
     * @return one line per rollout handled, for the controller's log
     */
    public List<String> reconcile(Predicate<String> buildExists) {
        return reconcile(buildExists, RecordRetention.DEFAULT);
    }

    /**
     * {@link #reconcile(Predicate)}, compacting the records by each environment's {@code retention:}.
     *
     * @param retention how long each environment's records are kept (the global configuration's)
     */
    public List<String> reconcile(Predicate<String> buildExists, RecordRetention retention) {
        // Before this engine runs anything, every rollout of this directory is the previous controller's:
        // one whose state file cannot be read is closed with a record now, and its lock released.
        List<String> lines = new ArrayList<>(migrated);
        migrated.clear();
        lines.addAll(new UnreadableStates(clock, owner -> true, Duration.ZERO).closeRollouts(states, locks, history));
        lines.addAll(compact(retention));
        ReconcileReport report = engine.reconcile();
        report.resumed().forEach(id -> lines.add("resumed rollout " + id));
        report.rolledBack().forEach(id -> lines.add("rolling back rollout " + id + " (recovery policy)"));
        for (RolloutState state : states.list()) {
            String build = state.request().build();
            if (state.stage() == Stage.DONE
                    || state.stage() == Stage.ROLLING_BACK
                    || build.isEmpty()
                    || buildExists.test(build)) {
                continue;
            }
            try {
                engine.rollback(state.id(), "its build " + build + " no longer exists", "jenkins");
                lines.add("rolling back rollout " + state.id() + ": its build " + build + " no longer exists");
            } catch (RuntimeException e) {
                lines.add("could not roll back rollout " + state.id() + " of the vanished build " + build + ": "
                        + describe(e));
            }
        }
        return lines;
    }

    /*
     * Reads the rollout's state once per event, and its record only once it has ended: the record
     * goes to its waiting step, or, with nobody waiting (its build did not resume after a crash, or it
     * was rolled back from elsewhere), to whoever shows it; and always to {@code ended}.
     */
    private void heard(RolloutEvent event) {
        RolloutWatcher watcher = watchers.get(event.id());
        if (watcher != null) {
            watcher.say(event.id() + ": " + event.message());
        }
        endedRecord(event.id()).ifPresent(record -> {
            if (watcher == null) {
                unwatched.accept(record);
            } else {
                settle(event.id(), watcher, record);
            }
            bodies.forget(record.id());
            ended.accept(record);
            alsoEnded.forEach(listener -> listener.accept(record));
        });
    }

    private void checkEnded(RolloutId id) {
        RolloutWatcher watcher = watchers.get(id);
        if (watcher != null) {
            endedRecord(id).ifPresent(record -> settle(id, watcher, record));
        }
    }

    /** The record of a rollout that has ended (stage {@code DONE}), else nothing. */
    private Optional<DeploymentRecord> endedRecord(RolloutId id) {
        return states.load(id).filter(state -> state.stage() == Stage.DONE).flatMap(state -> history.find(id.value()));
    }

    private void settle(RolloutId id, RolloutWatcher watcher, DeploymentRecord record) {
        if (watcher.endsWith(record) && watchers.remove(id, watcher)) {
            watcher.ended(record);
        }
    }

    /** Stops the scheduler (a running transition may finish); every rollout stays stored for the next start. */
    @Override
    public void close() {
        watchers.clear();
        if (stopScheduler != null) {
            try {
                stopScheduler.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the rollout scheduler: " + e.getMessage(), e);
            }
        }
    }

    static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * This engine's name, kept in the directory so that the engine after a restart knows the
     * rollouts of the engine before it as its own and carries them on at once.
     */
    private static String ownerOf(Path dir) {
        Path file = dir.resolve(OWNER_FILE);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!owner.isEmpty()) {
                    return owner;
                }
            }
            String owner = "jenkins-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, owner + "\n", StandardCharsets.UTF_8);
            return owner;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the engine's name in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Assembles a host; approver and metric sources must be given, as in Jenkins they come from extensions. */
    public static final class Builder {
        private Path directory;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private AutoCloseable stopScheduler;
        private TargetFactory targets;
        private MetricSourceFactory metricSources;
        private Approver approver;
        private EngineSettings settings;
        private Consumer<DeploymentRecord> unwatched = record -> {};
        private Consumer<DeploymentRecord> ended = record -> {};
        private RolloutListener milestones = event -> {};
        private Function<DeploymentKey, FreezeCalendar> freezes = key -> FreezeCalendar.NONE;

        private Builder() {}

        /** The freeze windows the engine checks again before a rollout promotes, per application and environment. */
        public Builder freezes(Function<DeploymentKey, FreezeCalendar> value) {
            this.freezes = Objects.requireNonNull(value, "freezes");
            return this;
        }

        /** Hears the milestones of every rollout, such as the notifications' listener; must not block. */
        public Builder milestones(RolloutListener value) {
            this.milestones = Objects.requireNonNull(value, "milestones");
            return this;
        }

        /**
         * Hears the record of a rollout that ended (or changed after its end) while no step waited for
         * it, so that its build's page still says what happened.
         */
        public Builder whenEndedUnwatched(Consumer<DeploymentRecord> value) {
            this.unwatched = Objects.requireNonNull(value, "unwatched");
            return this;
        }

        /**
         * Hears the record of every rollout that ended (or changed after its end), watched or not: what
         * the rollout left open, such as an approval page still offering its buttons, can be closed.
         */
        public Builder whenEnded(Consumer<DeploymentRecord> value) {
            this.ended = Objects.requireNonNull(value, "ended");
            return this;
        }

        /** Where rollout states, locks and the history are kept. */
        public Builder directory(Path value) {
            this.directory = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** What wakes rollouts up; {@code stop} is closed with the host (the real-time scheduler), or null. */
        public Builder scheduler(Scheduler value, AutoCloseable stop) {
            this.scheduler = value;
            this.stopScheduler = stop;
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

        /** How the engine runs rollouts; its owner is replaced by the name kept in the directory. */
        public Builder settings(EngineSettings value) {
            this.settings = value;
            return this;
        }

        public RolloutHost build() {
            return new RolloutHost(this);
        }
    }
}
