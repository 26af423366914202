package io.genesis.benchmarks.rollout;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutStateStore;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.proxy.WeightedProxy;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.target.SandboxTarget;
import io.genesis.sandbox.target.SandboxTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Measures on a real sandbox how long traffic takes to be fully back on the stable version after the
 * engine detects a critical breach. Each repetition rolls a faulty canary out (version 2.0.0 fails 30 % of
 * its requests) with the engine on the real clock and a real-time scheduler, under background load through
 * the proxy; the first analysis sample with canary traffic sees the breach and the engine rolls back.
 *
 * <p>Per repetition: <b>t0</b> is when the sample that showed the breach returned (the analysis decision
 * follows in the same call); <b>t1</b> is when a watcher thread, polling the proxy from the moment the
 * engine announced the rollback, reads weights of 100 % on the stable slot; <b>t2</b> is when the first
 * request sent after t1 is answered, by the stable slot. Ten requests are sent after t1; any answered by
 * the candidate is counted (there should be none).
 *
 * <p>Not a test: run by hand, see {@code docs/performance-rollout.md}. Arguments: the number of
 * repetitions (50) and the state store, {@code file} (durable, forced to disk, as the command line runs
 * the engine) or {@code memory}.
 */
public final class RollbackTiming {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CHECKS_AFTER_RESTORE = 10;

    private RollbackTiming() {}

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        boolean durable = args.length <= 1 || store(args[1]);
        Path directory = Files.createTempDirectory("genesis-rollback-timing");
        try {
            new Run(durable, directory).measure(repetitions);
        } finally {
            deleteRecursively(directory);
        }
    }

    private static boolean store(String name) {
        return switch (name) {
            case "file" -> true;
            case "memory" -> false;
            default -> throw new IllegalArgumentException("unknown state store '" + name + "'; known: file, memory");
        };
    }

    /** One measured rollback. */
    private record Repetition(
            long detectToWeights,
            long detectToStableAnswer,
            long submitToDetect,
            long recorded,
            int candidateAnswers) {}

    /** The engine, sandbox and load of one measurement run. */
    private static final class Run {
        private final boolean durable;
        private final Path directory;
        private final AtomicLong lastSampleEnd = new AtomicLong();
        private final AtomicReference<Probe> probe = new AtomicReference<>();
        private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        Run(boolean durable, Path directory) {
            this.durable = durable;
            this.directory = directory;
        }

        void measure(int repetitions) throws Exception {
            Clock clock = Clock.systemUTC();
            InProcessSlotLauncher launcher = InProcessSlotLauncher.healthy()
                    .withFaults("2.0.0", FaultProfile.none().failing(30));
            try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults()
                            .withLauncher(launcher)
                            .withWindow(new WindowLayout(Duration.ofMillis(100), 3_000))
                            .withDrainTimeout(Duration.ofSeconds(5)));
                    ExecutorScheduler scheduler = new ExecutorScheduler(clock, failures::add)) {
                SandboxTarget target = SandboxTarget.start(KEY, sandbox, "1.0.0");
                SandboxTargets registry = new SandboxTargets();
                registry.register(target);
                HistoryStore history = durable
                        ? new JsonLinesHistoryStore(directory.resolve("history.jsonl"), true)
                        : new InMemoryHistoryStore();
                RolloutStateStore states = durable
                        ? new FileRolloutStateStore(directory.resolve("rollouts"), true)
                        : new InMemoryRolloutStateStore();
                RolloutLock locks =
                        durable ? new FileRolloutLock(directory.resolve("locks"), true) : new InMemoryRolloutLock();
                Orchestrator engine = Orchestrator.builder()
                        .settings(EngineSettings.defaults("rollback-timing")
                                .withPollInterval(Duration.ofMillis(20))
                                .withProgressDeadline(Duration.ofSeconds(30)))
                        .clock(clock)
                        .scheduler(scheduler)
                        .states(states)
                        .locks(locks)
                        .history(history)
                        .targets(registry)
                        .metricSources(spec -> new Timed(registry.open(spec), lastSampleEnd))
                        .listener(event -> {
                            Probe current = probe.get();
                            if (current != null && event.message().startsWith("rolling back: ")) {
                                current.detectedAt = lastSampleEnd.get();
                            }
                            if (current != null && event.message().startsWith("ended ")) {
                                current.ended = true;
                            }
                        })
                        .build();
                RunningLoad load = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                        .duration(Duration.ofHours(1))
                        .concurrency(3)
                        .build());
                try {
                    List<Repetition> results = new ArrayList<>();
                    for (int i = 0; i < repetitions; i++) {
                        results.add(
                                once(engine, history, sandbox, target.stable().id()));
                    }
                    report(results, load.completed());
                } finally {
                    load.close();
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("the scheduler reported failures: " + failures, failures.get(0));
            }
        }

        private Repetition once(Orchestrator engine, HistoryStore history, Sandbox sandbox, SlotId stable)
                throws InterruptedException {
            Probe current = new Probe();
            lastSampleEnd.set(0);
            probe.set(current);
            Thread watcher = new Thread(() -> current.watch(sandbox, stable, client), "rollback-watcher");
            watcher.setDaemon(true);
            watcher.start();
            long submitted = System.nanoTime();
            RolloutId id = engine.submit(request());
            DeploymentRecord record = awaitRecord(engine, history, id, current);
            watcher.join(PATIENCE.toMillis());
            if (watcher.isAlive() || current.failure != null) {
                throw new IllegalStateException("the watcher did not see the restore: " + current.failure);
            }
            if (record.restoreTime().isEmpty()) {
                throw new IllegalStateException(
                        "rollout " + id + " ended " + record.status() + " without a" + " rollback: " + record.reason());
            }
            return new Repetition(
                    current.restoredAt - current.detectedAt,
                    current.answeredAt - current.detectedAt,
                    current.detectedAt - submitted,
                    record.restoreTime().orElseThrow().toNanos(),
                    current.candidateAnswers);
        }

        /** The record, once the engine has also stored the rollout as ended (so nothing is left running). */
        private DeploymentRecord awaitRecord(Orchestrator engine, HistoryStore history, RolloutId id, Probe current) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() - deadline < 0) {
                Optional<DeploymentRecord> record = history.find(id.value());
                if (record.isPresent() && current.ended) {
                    return record.get();
                }
                // A sample without canary traffic halts the rollout (missing data is never healthy): go on.
                if (engine.view(id).map(RolloutView::status).orElse(null) == RolloutStatus.HALTED) {
                    engine.resume(id, "rollback-timing");
                }
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            throw new IllegalStateException(
                    "rollout " + id + " did not end within " + PATIENCE + ": " + engine.view(id));
        }

        private static RolloutRequest request() {
            return RolloutRequest.builder(
                            KEY.application(), Environments.defaults().named(KEY.environment()))
                    .commit(COMMIT)
                    .ref(SourceRef.branch("main"))
                    .version(new Version("2.0.0"))
                    .strategy("canary")
                    .target(SandboxTargets.targetSpec())
                    .metrics(SandboxTargets.metricSpec(KEY))
                    .analysis(AnalysisThresholds.defaults().withSampleInterval(SAMPLE_INTERVAL))
                    .initiator("rollback-timing")
                    .build();
        }

        private void report(List<Repetition> results, long requests) {
            System.out.printf(
                    Locale.ROOT,
                    "rollback timing: %d repetitions, canary 2.0.0 failing 30 %% at 5 %% of the traffic, a sample"
                            + " every %d ms, state store %s, background load 3 workers (%d requests)%n",
                    results.size(),
                    SAMPLE_INTERVAL.toMillis(),
                    durable ? "file (forced to disk)" : "memory",
                    requests);
            System.out.println("breach detected -> proxy weights 100 % stable (median / p95 / max): "
                    + summary(results, Repetition::detectToWeights).millis());
            System.out.println("breach detected -> first answer from stable after that:           "
                    + summary(results, Repetition::detectToStableAnswer).millis());
            System.out.println("engine's recorded time to restore (trigger -> weight 0 sent):    "
                    + summary(results, Repetition::recorded).millis());
            System.out.println("submit -> breach detected (start, smoke check, first sample):     "
                    + summary(results, Repetition::submitToDetect).millis());
            int strays = results.stream().mapToInt(Repetition::candidateAnswers).sum();
            System.out.println("requests answered by the candidate after the restore was seen:    " + strays + " of "
                    + results.size() * CHECKS_AFTER_RESTORE);
        }

        private static Percentiles summary(List<Repetition> results, java.util.function.ToLongFunction<Repetition> f) {
            return new Percentiles(results.stream().mapToLong(f).toArray());
        }
    }

    /** Watches one repetition: waits for the detection, then for the proxy to send everything to stable. */
    private static final class Probe {
        private volatile long detectedAt;
        private volatile boolean ended;
        private long restoredAt;
        private long answeredAt;
        private int candidateAnswers;
        private volatile String failure;

        void watch(Sandbox sandbox, SlotId stable, HttpClient client) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Weights allStable = Weights.all(stable);
            try {
                while (detectedAt == 0) {
                    pause(deadline, "the engine to announce the rollback");
                }
                while (!sandbox.effectiveWeights().filter(allStable::equals).isPresent()) {
                    pause(deadline, "the proxy to send everything to " + stable);
                }
                restoredAt = System.nanoTime();
                for (int i = 0; i < CHECKS_AFTER_RESTORE; i++) {
                    String slot = answeringSlot(client, sandbox.proxyUri());
                    if (i == 0) {
                        answeredAt = System.nanoTime();
                    }
                    if (!stable.value().equals(slot)) {
                        candidateAnswers++;
                    }
                }
            } catch (RuntimeException e) {
                failure = e.toString();
            }
        }

        private static void pause(long deadline, String what) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            LockSupport.parkNanos(20_000);
        }

        private static String answeringSlot(HttpClient client, URI proxy) {
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(proxy).GET().build(), HttpResponse.BodyHandlers.discarding());
                return response.headers().firstValue(WeightedProxy.SLOT_HEADER).orElse("none");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A metric source that notes when its last sample returned: the moment a breach is detected. */
    private static final class Timed implements MetricSource {
        private final MetricSource source;
        private final AtomicLong lastSampleEnd;

        Timed(MetricSource source, AtomicLong lastSampleEnd) {
            this.source = source;
            this.lastSampleEnd = lastSampleEnd;
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
            lastSampleEnd.set(System.nanoTime());
            return readings;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
