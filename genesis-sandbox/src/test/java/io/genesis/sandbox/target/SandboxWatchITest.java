package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.prometheus.LocalPrometheus;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import io.genesis.core.monitor.prometheus.PrometheusSource;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import io.genesis.core.watch.InMemoryWatchStore;
import io.genesis.core.watch.Incident;
import io.genesis.core.watch.WatchAfterRollout;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRollback;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import io.genesis.core.watch.Watcher;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.metrics.WindowStats;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a version rolled out to a sandbox under real traffic is watched for 48 hours, and rolled
 * back when it degrades two hours in. The rollout and its rollback run on the real clock; the watch runs
 * on a simulated clock, so its two hours pass in seconds, but every one of its samples reads real requests
 * through the proxy: those sent since the sample before (at least {@link #PER_SAMPLE} of them); or, in
 * the second test, what Debian's Prometheus (on loopback, scraping the proxy's counters every second)
 * measured over the last five real seconds.
 */
class SandboxWatchITest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PER_SAMPLE = 20;
    /** The sandbox answers a window to the precision of one bucket of this width. */
    private static final Duration BUCKET = Duration.ofMillis(100);
    /** The measured error rate past the critical bound (one critical sample rolls back) or the rollback bound. */
    private static final String MEASURED =
            "error rate \\d+\\.\\d\\d % > (1\\.00 % critical|5\\.00 % automatic rollback)";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ERROR_RATE =
            "100 * sum(rate(sandbox_requests_total{version=\"$version\",outcome=\"error\"}"
                    + "[$window])) / sum(rate(sandbox_requests_total{version=\"$version\"}[$window]))";
    /** The error rate and availability of the version, as a team would ask Prometheus for them. */
    private static final Map<Metric, String> PROMQL =
            Map.of(Metric.ERROR_RATE, ERROR_RATE, Metric.AVAILABILITY, "100 - " + ERROR_RATE);
    /** Latency bounds raised: these tests judge errors, on build machines that may be busy. */
    private static final AnalysisThresholds THRESHOLDS =
            AnalysisThresholds.defaults().with(Metric.LATENCY_P95, MetricThresholds.of(2_000, 5_000));

    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final InMemoryRolloutStateStore rollouts = new InMemoryRolloutStateStore();
    private final Clock realClock = Clock.systemUTC();
    private final ExecutorScheduler realScheduler = new ExecutorScheduler(realClock, failures::add);
    private final ManualClock simulated = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimulatedScheduler simulatedScheduler = new SimulatedScheduler(simulated);
    private final SandboxTargets registry = new SandboxTargets();
    private final AtomicInteger scrapes = new AtomicInteger();

    private Sandbox sandbox;
    private RunningLoad load;
    private HttpServer exporter;
    private LocalPrometheus prometheus;
    private Slot blue;
    private Orchestrator engine;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.stop(0);
        }
        if (load != null) {
            load.close();
        }
        realScheduler.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void shouldRollBackAVersionThatDegradesTwoHoursIntoTheWatchWithTheMeasuredValue() {
        RolloutState deployed = deploy(SandboxTargets.metricSpec(SHOP));

        Watched watched = watch(deployed, new SinceLastSample());

        assertRolledBackOnTheMeasuredErrorRate(watched, deployed);
        System.out.println("[figure] proxy: watch breach sampled -> traffic restored: "
                + watched.toRestore().toMillis() + " ms; "
                + watched.state().outcome().reason());
    }

    @Test
    void shouldRollBackAVersionThatDegradesTwoHoursIntoTheWatchAsDebiansPrometheusMeasuresIt(@TempDir Path dir)
            throws IOException, InterruptedException {
        startSandbox();
        startExporter();
        prometheus =
                LocalPrometheus.start(dir, "127.0.0.1:" + exporter.getAddress().getPort());
        MetricSpec spec = new PrometheusSettings(prometheus.url(), PROMQL, Duration.ofSeconds(5))
                .forVersion("1.1.0")
                .spec();
        PrometheusSource probe = new PrometheusSource(PrometheusSettings.from(spec), CLIENT);
        RolloutState deployed = deploy(spec);
        prometheus.await(
                "measuring 1.1.0",
                () -> probe.sample(lastSeconds(Duration.ofSeconds(5)))
                        .value(Metric.ERROR_RATE)
                        .isPresent());

        Watched watched = watch(deployed, new LastSecondsThroughPrometheus());

        assertRolledBackOnTheMeasuredErrorRate(watched, deployed);
        assertThat(scrapes.get()).isGreaterThan(2);
        System.out.println("[figure] prometheus: watch breach sampled -> traffic restored: "
                + watched.toRestore().toMillis() + " ms; "
                + watched.state().outcome().reason());
    }

    private void assertRolledBackOnTheMeasuredErrorRate(Watched watched, RolloutState deployed) {
        WatchState ended = watched.state();
        DeploymentRecord record = history.find(deployed.id().value()).orElseThrow();
        assertThat(ended.outcome().verdict()).as(said.toString()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(ended.outcome().reason()).containsPattern(MEASURED);
        Incident incident = ended.incidents().get(ended.incidents().size() - 1);
        assertThat(incident.openedAt())
                .as("%s", said)
                .isAfter(watched.degradedAt())
                .isBefore(watched.degradedAt().plus(Duration.ofMinutes(10)));
        assertThat(ended.sampling().run().samples()).isGreaterThan(2 * 60 * 2);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).containsPattern(MEASURED);
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(blue.id()));
        assertThat(watched.toRestore()).isPositive();
        assertThat(failures).isEmpty();
    }

    private void startSandbox() {
        if (sandbox != null) {
            return;
        }
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withLauncher(InProcessSlotLauncher.healthy())
                .withWindow(new WindowLayout(BUCKET, 3_000))
                .withDrainTimeout(Duration.ofSeconds(5)));
    }

    /** Starts the sandbox with 1.0.0 under real traffic and rolls 1.1.0 out on the real clock; returns its state. */
    private RolloutState deploy(MetricSpec metrics) {
        startSandbox();
        SandboxTarget target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        blue = target.stable();
        registry.register(target);
        engine = Orchestrator.builder()
                .settings(EngineSettings.defaults("sandbox-watch-it")
                        .withPollInterval(Duration.ofMillis(20))
                        .withProgressDeadline(Duration.ofSeconds(20))
                        .withRollbackAttempts(3, Duration.ofMillis(200)))
                .clock(realClock)
                .scheduler(realScheduler)
                .states(rollouts)
                .locks(new InMemoryRolloutLock())
                .history(history)
                .targets(registry)
                .metricSources(this::open)
                .build();
        load = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                .duration(Duration.ofSeconds(120))
                .concurrency(3)
                .thinkTime(Duration.ofMillis(1))
                .build());
        RolloutId id = engine.submit(
                RolloutRequest.builder("shop", Environments.defaults().named("staging"))
                        .commit(COMMIT)
                        .ref(SourceRef.branch("main"))
                        .version(new Version("1.1.0"))
                        .strategy("custom")
                        .customSteps(StepParser.parse("deploy; smoke; weight 100; promote; scaleDown 1h"))
                        .target(SandboxTargets.targetSpec())
                        .metrics(metrics)
                        .analysis(THRESHOLDS)
                        .initiator("ci")
                        .build());
        // Both, as the engine ends a rollout in two writes: its record first, then its state as done.
        Await.until(
                "the rollout ended and was recorded",
                WAIT,
                () -> history.find(id.value()).isPresent()
                        && rollouts.load(id).map(s -> s.stage() == Stage.DONE).orElse(false));
        assertThat(history.find(id.value()).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        return rollouts.load(id).orElseThrow();
    }

    private MetricSource open(MetricSpec spec) {
        return spec.kind().equals(PrometheusSettings.KIND)
                ? new PrometheusSource(PrometheusSettings.from(spec), CLIENT)
                : registry.open(spec);
    }

    /**
     * Watches {@code deployed} for 48 simulated hours, the version failing 20 % of its requests from two
     * hours in, until the watch has ended.
     */
    private Watched watch(RolloutState deployed, Bridge bridge) {
        Watcher watcher = Watcher.builder()
                .clock(simulated)
                .scheduler(simulatedScheduler)
                .store(new InMemoryWatchStore())
                .owner("watch-it", Duration.ofMinutes(1))
                .metricSources(spec -> bridge.wrap(open(spec)))
                .rollback(WatchRollback.through(engine))
                .listener(event -> said.add(event.message()))
                .build();
        WatchAfterRollout.Decision decision = new WatchAfterRollout(watcher).start(deployed, Duration.ofHours(48));
        WatchId id = decision.watch().orElseThrow(() -> new AssertionError(decision.message()));
        Instant degradeAt = simulated.instant().plus(Duration.ofHours(2));
        Slot green = sandbox.slots().stream()
                .filter(slot -> slot.version().equals("1.1.0"))
                .findFirst()
                .orElseThrow();
        Instant breachSampled = null;
        boolean degraded = false;
        while (!watcher.view(id).orElseThrow().ended()) {
            if (!degraded && !simulated.instant().isBefore(degradeAt)) {
                sandbox.injectFaults(green.id(), FaultProfile.none().failing(20));
                degraded = true;
            }
            bridge.awaitNew(degraded);
            WatchStage before = watcher.view(id).orElseThrow().stage();
            simulatedScheduler.runUntil(simulatedScheduler.next().orElseThrow());
            if (before == WatchStage.WATCHING && watcher.view(id).orElseThrow().stage() != WatchStage.WATCHING) {
                breachSampled = bridge.lastSampledAt();
            }
        }
        Instant restored = history.find(deployed.id().value()).orElseThrow().trafficRestoredAt();
        return new Watched(
                watcher.view(id).orElseThrow(),
                degradeAt,
                Duration.between(Objects.requireNonNull(breachSampled, "no sample breached"), restored));
    }

    /**
     * A watch as it ended.
     *
     * @param state the ended watch
     * @param degradedAt when (simulated) the version began to fail
     * @param toRestore real time from the sample that breached to traffic seen back on 1.0.0
     */
    private record Watched(WatchState state, Instant degradedAt, Duration toRestore) {}

    /** Between the watch's simulated time and real requests: which real ones a sample reads, and when. */
    private interface Bridge {
        MetricSource wrap(MetricSource real);

        /** Waits for real events (requests, a scrape), never for a length of time, before the next sample. */
        void awaitNew(boolean degraded);

        Instant lastSampledAt();
    }

    /**
     * Each sample reads the requests the proxy counted since the sample before (at least 20). The sandbox
     * answers to the precision of one bucket, so a window that starts inside the bucket of the sample before
     * reads that bucket again: many samples a bucket apart in real time but 30 s apart in simulated time
     * would read the same requests from before the fault, and the breach would be seen simulated minutes
     * late. From the fault on, a sample therefore starts one bucket later and waits for requests of its own.
     */
    private final class SinceLastSample implements Bridge {
        private volatile Instant lastRealTo = realClock.instant();
        private volatile boolean ownBuckets;

        @Override
        public void awaitNew(boolean degraded) {
            ownBuckets = degraded;
            Instant from = start();
            Await.until(PER_SAMPLE + " requests since the last sample", WAIT, () -> {
                Instant now = realClock.instant();
                return now.isAfter(from) && sandbox.metrics(from, now).overall().requestCount() >= PER_SAMPLE;
            });
        }

        @Override
        public Instant lastSampledAt() {
            return lastRealTo;
        }

        @Override
        public MetricSource wrap(MetricSource proxy) {
            return new Bridged(proxy, simulatedWindow -> {
                Instant now = realClock.instant();
                MetricWindow real = new MetricWindow(start(), now);
                lastRealTo = now;
                return real;
            });
        }

        private Instant start() {
            return ownBuckets ? lastRealTo.plus(BUCKET) : lastRealTo;
        }
    }

    /**
     * Each sample asks Prometheus about the last five real seconds; once the version degrades, only after
     * Prometheus scraped the exporter again, so that every sample from then on sees new data.
     */
    private final class LastSecondsThroughPrometheus implements Bridge {
        private volatile Instant lastSampledAt = realClock.instant();
        private volatile int scrapesSeen;

        @Override
        public void awaitNew(boolean degraded) {
            if (degraded) {
                int seen = scrapesSeen;
                Await.until("a new scrape", WAIT, () -> scrapes.get() > seen);
            }
            scrapesSeen = scrapes.get();
        }

        @Override
        public Instant lastSampledAt() {
            return lastSampledAt;
        }

        @Override
        public MetricSource wrap(MetricSource prometheusSource) {
            return new Bridged(prometheusSource, simulatedWindow -> {
                MetricWindow real = lastSeconds(Duration.ofSeconds(5));
                lastSampledAt = real.to();
                return real;
            });
        }
    }

    private MetricWindow lastSeconds(Duration length) {
        Instant now = realClock.instant();
        return new MetricWindow(now.minus(length), now);
    }

    /** A source that reads a real window for each simulated one, and answers for the simulated one. */
    private static final class Bridged implements MetricSource {
        private final MetricSource real;
        private final UnaryOperator<MetricWindow> toReal;

        Bridged(MetricSource real, UnaryOperator<MetricWindow> toReal) {
            this.real = real;
            this.toReal = toReal;
        }

        @Override
        public String describe() {
            return real.describe() + " (real requests)";
        }

        @Override
        public Set<Metric> metrics() {
            return real.metrics();
        }

        @Override
        public MetricReadings sample(MetricWindow simulatedWindow) {
            return new MetricReadings(
                    simulatedWindow, real.sample(toReal.apply(simulatedWindow)).values());
        }
    }

    /**
     * Counters of the proxied requests per version and outcome, in Prometheus' text format, on 127.0.0.1:
     * what Prometheus scrapes. Counted over the sandbox's retention, which outlasts the test.
     */
    private void startExporter() throws IOException {
        Instant since = realClock.instant();
        exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exporter.createContext("/metrics", exchange -> {
            MetricsSnapshot snapshot = sandbox.metrics(since, realClock.instant());
            StringBuilder text = new StringBuilder("# TYPE sandbox_requests_total counter\n");
            for (Slot slot : sandbox.slots()) {
                WindowStats stats = snapshot.slot(slot.id());
                long errors = stats.errorCount();
                text.append("sandbox_requests_total{version=\"%s\",outcome=\"error\"} %d\n"
                        .formatted(slot.version(), errors));
                text.append("sandbox_requests_total{version=\"%s\",outcome=\"ok\"} %d\n"
                        .formatted(slot.version(), stats.requestCount() - errors));
            }
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            scrapes.incrementAndGet();
        });
        exporter.start();
    }
}
