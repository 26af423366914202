package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HookRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.hook.HookRunners;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.LoadReport;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.metrics.WindowStats;
import io.genesis.sandbox.proxy.WeightedProxy;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.testing.Await;
import io.genesis.sandbox.testing.Http;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the engine, on the real clock and a real-time scheduler, rolls versions out to a sandbox
 * while a load generator sends real requests through the weighted proxy. Plans use windows of about a
 * second instead of the release guide's minutes; nothing else is shortened. The assertions read the
 * deployment record and where the proxy actually sent the requests.
 */
class SandboxRolloutITest {

    private static final Environment STAGING = Environments.defaults().named("staging");
    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** One bucket of the sandbox's metrics: windows are read a bucket inside their ends to see one weight only. */
    private static final Duration BUCKET = Duration.ofMillis(100);

    /**
     * The release guide's thresholds, sampled every half second. The p95 bounds are raised because these
     * tests judge errors, not latency, on build machines that may be busy.
     */
    private static final AnalysisThresholds QUICK = AnalysisThresholds.defaults()
            .with(Metric.LATENCY_P95, MetricThresholds.of(2_000, 5_000))
            .withSampleInterval(Duration.ofMillis(500));

    private static final String BLUE_GREEN =
            "deploy; smoke; weight 10; analyse 1s; weight 50; analyse 1s; weight 100; analyse 1s; promote;"
                    + " scaleDown 1h";

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorScheduler scheduler = new ExecutorScheduler(clock, failures::add);

    @TempDir
    Path workspace;

    private Sandbox sandbox;
    private SandboxTarget target;
    private Slot blue;
    private Orchestrator engine;
    private RunningLoad load;

    @AfterEach
    void stopEverything() {
        if (load != null) {
            load.close();
        }
        scheduler.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(InProcessSlotLauncher launcher) {
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withLauncher(launcher)
                .withWindow(new WindowLayout(BUCKET, 3_000))
                .withDrainTimeout(Duration.ofSeconds(5)));
        target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        blue = target.stable();
        SandboxTargets registry = new SandboxTargets();
        registry.register(target);
        engine = Orchestrator.builder()
                .settings(EngineSettings.defaults("sandbox-it")
                        .withPollInterval(Duration.ofMillis(20))
                        .withProgressDeadline(Duration.ofSeconds(20))
                        .withRollbackAttempts(3, Duration.ofMillis(200)))
                .clock(clock)
                .scheduler(scheduler)
                .states(new InMemoryRolloutStateStore())
                .locks(new InMemoryRolloutLock())
                .history(history)
                .targets(registry)
                .metricSources(registry)
                .listener(events::add)
                .hooks(HookRunners.standard(workspace))
                .build();
        load = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                .duration(Duration.ofSeconds(60))
                .concurrency(3)
                .thinkTime(Duration.ofMillis(1))
                .build());
    }

    private static RolloutRequest.Builder request(String strategy) {
        return RolloutRequest.builder("shop", STAGING)
                .commit(COMMIT)
                .ref(SourceRef.branch("main"))
                .version(new Version("2.0.0"))
                .strategy(strategy)
                .target(SandboxTargets.targetSpec())
                .metrics(SandboxTargets.metricSpec(SHOP))
                .analysis(QUICK)
                .initiator("ci");
    }

    private static RolloutRequest custom(String steps) {
        return request("custom").customSteps(StepParser.parse(steps)).build();
    }

    @Test
    void shouldShiftAHealthyVersionToAllTrafficWithBlueGreen() throws Exception {
        start(InProcessSlotLauncher.healthy());

        RolloutId id = engine.submit(custom(BLUE_GREEN));
        DeploymentRecord record = awaitRecord(id, r -> true);
        LoadReport report = stopLoad();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases())
                .extracting(PhaseRecord::kind)
                .containsExactly(
                        "deployCandidate",
                        "smokeCheck",
                        "setWeight",
                        "analysis",
                        "setWeight",
                        "analysis",
                        "setWeight",
                        "analysis",
                        "promote",
                        "scaleDownPrevious");
        assertThat(record.phases().get(9).outcome()).isEqualTo("scheduled");
        assertThat(record.analyses()).extracting(AnalysisRecord::outcome).containsOnly("passed");
        assertThat(record.analyses()).allSatisfy(analysis -> {
            assertThat(analysis.samples()).isEqualTo(2);
            assertThat(analysis.worst()).containsEntry("ERROR_RATE", 0.0);
        });
        Slot green = target.stable();
        assertThat(green.version()).isEqualTo("2.0.0");
        assertThat(target.previous()).as("blue is kept for instant rollback").contains(blue);
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(green.id()));
        int[] weights = {10, 50, 100};
        for (int i = 0; i < 3; i++) {
            assertGreenAnsweredItsWeight(record.analyses().get(i), green.id(), weights[i]);
        }
        assertThat(report.failures()).isZero();
        assertThat(report.statusCounts()).containsOnlyKeys(200);
        assertThat(report.countWithHeader(blue.id().value())).isPositive();
        assertThat(report.countWithHeader(green.id().value())).isPositive();
        assertThat(nextAnswers(10)).containsOnly(green.id().value());
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldRollAFaultyCanaryBackOnItsMeasuredErrorRate() throws Exception {
        start(InProcessSlotLauncher.healthy()
                .withFaults("2.0.0", FaultProfile.none().failing(30)));

        RolloutId id = engine.submit(request("canary").build());
        DeploymentRecord record = awaitRecord(id, r -> true);
        LoadReport report = stopLoad();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.strategy()).isEqualTo("canary");
        Matcher measured = Pattern.compile("automatic rollback: error rate (\\d+\\.\\d\\d) % > 5\\.00 % automatic"
                        + " rollback; availability (\\d+\\.\\d\\d) % < 95\\.00 % automatic rollback")
                .matcher(record.reason());
        assertThat(measured.matches()).as(record.reason()).isTrue();
        double errorRate = Double.parseDouble(measured.group(1));
        assertThat(errorRate).isGreaterThan(5.0);
        assertThat(Double.parseDouble(measured.group(2))).isCloseTo(100 - errorRate, within(0.011));
        AnalysisRecord analysis = record.analyses().get(0);
        assertThat(analysis.outcome()).isEqualTo("rolled back");
        assertThat(analysis.worst().get("ERROR_RATE")).isCloseTo(errorRate, within(0.005));
        assertThat(record.phases())
                .extracting(PhaseRecord::kind, PhaseRecord::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deployCandidate", "completed"),
                        org.assertj.core.groups.Tuple.tuple("smokeCheck", "completed"),
                        org.assertj.core.groups.Tuple.tuple("setWeight", "completed"),
                        org.assertj.core.groups.Tuple.tuple("analysis", "failed"),
                        org.assertj.core.groups.Tuple.tuple("rollback", "completed"));
        assertThat(record.rollbackTriggeredAt()).isNotNull();
        assertThat(record.restoreTime())
                .hasValueSatisfying(restore -> assertThat(restore).isLessThan(Duration.ofSeconds(1)));

        // Where the traffic went: only the candidate failed, exactly 3 of every 10 of its requests.
        MetricsSnapshot all = sandbox.metrics(record.startedAt().minusSeconds(1), Instant.now());
        SlotId canary = onlyOtherSlot(all);
        WindowStats canaryStats = all.slot(canary);
        assertThat(canaryStats.requestCount()).isPositive();
        assertThat(canaryStats.errorCount()).isEqualTo(canaryStats.requestCount() * 3 / 10);
        assertThat(all.slot(blue.id()).errorCount()).isZero();
        assertThat(report.count(500)).isEqualTo(canaryStats.errorCount());
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(blue.id()));
        assertThat(sandbox.slots()).containsExactly(blue);
        assertThat(nextAnswers(10)).containsOnly(blue.id().value());
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldReplaceAHealthyVersionBatchByBatchWithRolling() throws Exception {
        start(InProcessSlotLauncher.healthy());

        RolloutId id = engine.submit(request("rolling").build());
        DeploymentRecord record = awaitRecord(id, r -> true);
        LoadReport report = stopLoad();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases())
                .extracting(PhaseRecord::kind)
                .containsExactly("rollingBatch", "rollingBatch", "rollingBatch", "rollingBatch", "promote");
        assertThat(record.phases().subList(0, 4))
                .extracting(PhaseRecord::detail)
                .satisfiesExactly(
                        detail -> assertThat(detail).endsWith("the proxy sends it 25 %"),
                        detail -> assertThat(detail).endsWith("the proxy sends it 50 %"),
                        detail -> assertThat(detail).endsWith("the proxy sends it 75 %"),
                        detail -> assertThat(detail).endsWith("the proxy sends it 100 %"));
        Slot green = target.stable();
        assertThat(green.version()).isEqualTo("2.0.0");
        assertThat(sandbox.slots())
                .as("the old version is gone once every batch is replaced")
                .containsExactly(green);
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(green.id()));
        assertThat(report.failures()).isZero();
        assertThat(report.statusCounts()).containsOnlyKeys(200);
        assertThat(report.countWithHeader(blue.id().value())).isPositive();
        assertThat(report.countWithHeader(green.id().value())).isPositive();
        assertThat(nextAnswers(10)).containsOnly(green.id().value());
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldSwitchBackToTheKeptVersionWhenRolledBackByHandAfterSuccess() throws Exception {
        start(InProcessSlotLauncher.healthy());
        RolloutId id = engine.submit(
                custom("deploy; smoke; weight 50; analyse 1s; weight 100; analyse 1s; promote; scaleDown 1h"));
        DeploymentRecord succeeded = awaitRecord(id, r -> true);
        assertThat(succeeded.status()).as(succeeded.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        Slot green = target.stable();

        engine.rollback(id, "checkout is broken for some customers", "alice");
        DeploymentRecord record = awaitRecord(id, r -> r.status() != RecordStatus.SUCCEEDED);
        LoadReport report = stopLoad();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).isEqualTo("rolled back by alice: checkout is broken for some customers");
        assertThat(record.restoreTime())
                .hasValueSatisfying(restore -> assertThat(restore).isLessThan(Duration.ofSeconds(1)));
        assertThat(record.phases())
                .filteredOn(phase -> phase.kind().equals("scaleDownPrevious"))
                .extracting(PhaseRecord::outcome)
                .containsExactly("cancelled");
        assertThat(record.phases().get(record.phases().size() - 1).kind()).isEqualTo("rollback");
        assertThat(target.stable())
                .as("the very slot blue ran in, never stopped")
                .isEqualTo(blue);
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(blue.id()));
        assertThat(sandbox.slot(green.id())).isEmpty();
        assertThat(report.failures()).isZero();
        assertThat(report.statusCounts()).containsOnlyKeys(200);
        assertThat(nextAnswers(10)).containsOnly(blue.id().value());
        assertThat(failures).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** Waits for the record of {@code id} to satisfy {@code done}, reporting the rollout's state on timeout. */
    private DeploymentRecord awaitRecord(RolloutId id, Predicate<DeploymentRecord> done) {
        try {
            Await.until(
                    "rollout " + id + " has a final record",
                    WAIT,
                    () -> history.find(id.value()).filter(done).isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; rollout: " + engine.view(id) + "; events: "
                            + events.stream().map(RolloutEvent::message).toList() + "; failures: " + failures,
                    e);
        }
        return history.find(id.value()).orElseThrow();
    }

    /** Stops the load once every request it sent has been answered and recorded by the proxy. */
    private LoadReport stopLoad() throws Exception {
        load.stop();
        LoadReport report = load.await(Duration.ofSeconds(15));
        Await.until("the proxy has recorded every request", WAIT, () -> sandbox.requestsInFlight() == 0);
        return report;
    }

    /**
     * Checks that green answered its weight's share of the requests during {@code analysis}, read one bucket
     * inside the window on both ends so that only requests sent at the analysed weight count. Smooth
     * round robin gives each slot its exact share of every 100 requests; the slack covers a few requests
     * routed just before the weight changed that were still in flight (3 workers) when their bucket ended.
     */
    private void assertGreenAnsweredItsWeight(AnalysisRecord analysis, SlotId green, int weight) {
        MetricsSnapshot snapshot =
                sandbox.metrics(analysis.from().plus(BUCKET), analysis.to().minus(BUCKET));
        long greenRequests = snapshot.slot(green).requestCount();
        long total = greenRequests + snapshot.slot(blue.id()).requestCount();
        assertThat(total).as("requests during the analysis at %d %%", weight).isGreaterThanOrEqualTo(20);
        double slack = Math.max(8, total * 0.02);
        assertThat((double) greenRequests)
                .as("requests green answered of %d during the analysis at %d %%", total, weight)
                .isCloseTo(total * weight / 100.0, within(slack));
    }

    private SlotId onlyOtherSlot(MetricsSnapshot snapshot) {
        Set<SlotId> others = new java.util.TreeSet<>(snapshot.slots().keySet());
        others.remove(blue.id());
        assertThat(others).hasSize(1);
        return others.iterator().next();
    }

    /** The slots that answered the next {@code count} requests through the proxy. */
    private List<String> nextAnswers(int count) {
        List<String> slots = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            var response = Http.get(sandbox.proxyUri());
            assertThat(response.statusCode()).isEqualTo(200);
            slots.add(response.headers().firstValue(WeightedProxy.SLOT_HEADER).orElse("none"));
        }
        return slots;
    }

    /**
     * The smoke hook reaches the candidate at its own address (the answer is version 2.0.0's), fails, and
     * the rollout rolls back before the proxy has sent the candidate a single user request: every answer
     * the load generator got came from blue.
     */
    @Test
    void shouldRollBackBeforeAnyUserRequestWhenTheSmokeHookFails() throws Exception {
        start(InProcessSlotLauncher.healthy());

        RolloutId id = engine.submit(request("custom")
                .customSteps(StepParser.parse(BLUE_GREEN))
                .hook(Hook.command(HookPhase.PRE_TRAFFIC, SMOKE + "; echo 2 of 3 smoke tests failed; exit 1"))
                .build());
        DeploymentRecord record = awaitRecord(id, r -> true);
        LoadReport report = stopLoad();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("preTraffic hook failed").contains("exit code 1");
        HookRecord hook = record.hooks().get(0);
        assertThat(hook.output()).contains("x-genesis-version: 2.0.0").endsWith("2 of 3 smoke tests failed");
        assertThat(hook.exitCode()).isEqualTo(1);
        assertThat(report.countWithHeader(blue.id().value()))
                .as("user requests served")
                .isPositive();
        assertThat(report.byHeader())
                .as("slots that served user requests")
                .containsOnlyKeys(blue.id().value());
        assertThat(record.phases()).extracting(PhaseRecord::kind).doesNotContain("setWeight", "promote");
        assertThat(target.stable()).isEqualTo(blue);
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldShiftTrafficOnceTheSmokeHookPasses() throws Exception {
        start(InProcessSlotLauncher.healthy());

        RolloutId id = engine.submit(request("custom")
                .customSteps(StepParser.parse(BLUE_GREEN))
                .hook(Hook.command(HookPhase.PRE_TRAFFIC, SMOKE))
                .build());
        DeploymentRecord record = awaitRecord(id, r -> true);
        stopLoad();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.hooks()).singleElement().satisfies(hook -> {
            assertThat(hook.outcome()).isEqualTo("passed");
            assertThat(hook.exitCode()).isZero();
            assertThat(hook.output()).contains("x-genesis-version: 2.0.0");
        });
        assertThat(record.phases())
                .extracting(PhaseRecord::kind)
                .containsSubsequence("deployCandidate", "smokeCheck", "hook", "setWeight");
        assertThat(target.stable().version()).isEqualTo("2.0.0");
    }

    /** What a smoke test does first: ask the candidate at its own address; the answer names its version. */
    private static final String SMOKE =
            "curl -sS -i --max-time 5 {url}/ | tr -d '\\r' | tr 'A-Z' 'a-z' | grep -e '^x-genesis-version'";
}
