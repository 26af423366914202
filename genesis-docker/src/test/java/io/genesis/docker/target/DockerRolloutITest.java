package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.docker.testing.Census;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.Load;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end on the real engine: the orchestrator, on the real clock, rolls sample images out through
 * the HAProxy Genesis owns while worker threads send real requests through it. Analysis windows are a
 * second instead of the release guide's minutes. Assertions read the record, the answers the workers
 * got (by the version that gave them) and the containers the engine runs.
 */
class DockerRolloutITest {

    private static final Environment STAGING = Environments.defaults().named("staging");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final AnalysisThresholds QUICK =
            AnalysisThresholds.defaults().withSampleInterval(Duration.ofMillis(500));

    private final List<RolloutEvent> events = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorScheduler scheduler = new ExecutorScheduler(clock, failures::add);

    private DockerFixture fixture;
    private AnalysisThresholds analysis = QUICK;
    private Orchestrator engine;
    private Load load;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
        engine = Orchestrator.builder()
                .settings(EngineSettings.defaults("docker-it")
                        .withPollInterval(Duration.ofMillis(50))
                        .withProgressDeadline(Duration.ofSeconds(60))
                        .withRollbackAttempts(20, Duration.ofSeconds(1)))
                .clock(clock)
                .scheduler(scheduler)
                .states(new InMemoryRolloutStateStore())
                .locks(new InMemoryRolloutLock())
                .history(history)
                .targets(fixture.targets)
                .metricSources(fixture.targets)
                .listener(events::add)
                .build();
    }

    @AfterEach
    void stop() {
        if (load != null) {
            load.close();
        }
        scheduler.close();
        fixture.close();
    }

    private RolloutRequest request(String image, String steps, Map<String, String> more) {
        TargetSpec target = fixture.spec(image, more);
        Version version = new Version("2.0.0");
        return RolloutRequest.builder(fixture.key.application(), STAGING)
                .commit(COMMIT)
                .ref(SourceRef.branch("main"))
                .version(version)
                .strategy("custom")
                .customSteps(StepParser.parse(steps))
                .target(target)
                .metrics(DockerTargets.metricSpec(fixture.key, version, target, 5))
                .analysis(analysis)
                .initiator("ci")
                .build();
    }

    @Test
    void shouldShiftAHealthyVersionToAllTrafficWithBlueGreen() {
        String base = SampleImages.base(fixture.client());
        fixture.serve(base, "1.0.0", Map.of());
        load = Load.start(fixture.proxyPort, 2);

        RolloutId id = engine.submit(request(
                base,
                "deploy; smoke; weight 10; analyse 1s; weight 50; analyse 1s; weight 100; analyse 1s; promote;"
                        + " scaleDown 1h",
                Map.of()));
        DeploymentRecord record = awaitRecord(id, r -> true);
        load.close();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.analyses()).extracting(AnalysisRecord::outcome).containsOnly("passed");
        assertThat(load.counts()).as("every request answered without error").containsOnlyKeys("1.0.0", "2.0.0");
        assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("2.0.0");
        assertThat(fixture.runs("1.0.0")).as("blue kept for instant rollback").isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldRollAFaultyCanaryBackOnItsMeasuredErrorRate() {
        String base = SampleImages.base(fixture.client());
        String faulty = SampleImages.image(fixture.client(), "faulty", "ENV FAIL_PERCENT=30");
        fixture.serve(base, "1.0.0", Map.of());
        load = Load.start(fixture.proxyPort, 2);

        RolloutId id = engine.submit(
                request(faulty, "deploy; smoke; weight 50; analyse 3s; weight 100; analyse 1s; promote", Map.of()));
        DeploymentRecord record = awaitRecord(id, r -> true);
        Map<String, Integer> after = Traffic.count(fixture.proxyPort, 20);
        load.close();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).containsIgnoringCase("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(load.counts()).containsKey("2.0.0:500");
        assertThat(after).containsOnlyKeys("1.0.0");
        assertThat(fixture.runs("2.0.0")).as("the faulty candidate is retired").isFalse();
    }

    @Test
    void shouldRollACandidateThatExitsBackBeforeItGetsTraffic() {
        String base = SampleImages.base(fixture.client());
        String exits = SampleImages.image(fixture.client(), "exits", "ENV EXIT_CODE=3");
        fixture.serve(base, "1.0.0", Map.of());
        load = Load.start(fixture.proxyPort, 1);

        RolloutId id =
                engine.submit(request(exits, "deploy; smoke; weight 50; analyse 1s; weight 100; promote", Map.of()));
        DeploymentRecord record = awaitRecord(id, r -> true);
        load.close();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("exit code 3");
        assertThat(record.phases()).extracting(PhaseRecord::kind).doesNotContain("setWeight");
        assertThat(load.counts()).containsOnlyKeys("1.0.0");
        assertThat(fixture.containers("2.0.0")).isEmpty();
    }

    @Test
    void shouldReplaceReplicasInBatchesWithRolling() {
        String base = SampleImages.base(fixture.client());
        Map<String, String> two = Map.of(DockerSettings.REPLICAS, "2");
        fixture.serve(base, "1.0.0", two);
        load = Load.start(fixture.proxyPort, 1);

        RolloutId id = engine.submit(request(base, "batch 50 surge 50; batch 100 surge 50; promote", two));
        DeploymentRecord record = awaitRecord(id, r -> true);
        load.close();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(fixture.containers("2.0.0")).hasSize(2);
        assertThat(fixture.containers("1.0.0")).isEmpty();
        assertThat(load.counts()).containsOnlyKeys("1.0.0", "2.0.0");
        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("2.0.0");
    }

    @ParameterizedTest(
            name = "rolling 4 replicas, max surge {0} %, max unavailable {1} %: {2} running at most,"
                    + " {3} serving at least")
    @CsvSource({"25, 25, 5, 3", "0, 25, 4, 3"})
    void shouldRollFourReplicasWithinMaxSurgeAndMaxUnavailable(double surge, double unavailable, int most, int fewest) {
        String base = SampleImages.base(fixture.client());
        Map<String, String> four = Map.of(DockerSettings.REPLICAS, "4");
        fixture.serve(base, "1.0.0", four);
        load = Load.start(fixture.proxyPort, 2);
        TargetSpec target = fixture.spec(base, four);
        Version version = new Version("2.0.0");
        RolloutRequest rolling = RolloutRequest.builder(fixture.key.application(), STAGING)
                .commit(COMMIT)
                .ref(SourceRef.branch("main"))
                .version(version)
                .strategy("rolling")
                .rollingBounds(new RollingBounds(new Percentage(surge), new Percentage(unavailable)))
                .target(target)
                .metrics(DockerTargets.metricSpec(fixture.key, version, target, 5))
                .analysis(analysis)
                .initiator("ci")
                .build();

        DeploymentRecord record;
        List<Census.Sample> samples;
        try (Census census = Census.start(fixture)) {
            record = awaitRecord(engine.submit(rolling), r -> true);
            samples = census.samples();
            assertThat(census.failures()).isEmpty();
        }
        load.close();

        assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(samples).as("samples of the engine and the proxy").hasSizeGreaterThan(10);
        assertThat(samples.stream().mapToInt(Census.Sample::running).max())
                .as("containers running at most (4 + max surge)")
                .hasValue(most);
        assertThat(samples.stream().mapToInt(Census.Sample::serving).min())
                .as("containers serving at least (4 - max unavailable)")
                .hasValue(fewest);
        assertThat(fixture.containers("2.0.0")).hasSize(4);
        assertThat(fixture.containers("1.0.0")).isEmpty();
        assertThat(load.counts()).as("every request answered without error").containsOnlyKeys("1.0.0", "2.0.0");
        assertThat(Traffic.count(fixture.proxyPort, 10)).containsOnlyKeys("2.0.0");
    }

    @Test
    void shouldEndConsistentWithACompleteRecordWhenTheEngineRestartsMidRollout() {
        String base = SampleImages.base(fixture.client());
        fixture.serve(base, "1.0.0", Map.of());
        load = Load.start(fixture.proxyPort, 1);
        // While the engine is away nobody can say which containers are the candidate's: inconclusive. The
        // default (PAUSE) halts for a person; a team that wants no person in the loop rolls back.
        analysis = QUICK.withOnInconclusive(InconclusiveAction.ROLL_BACK);

        RolloutId id = engine.submit(
                request(base, "deploy; smoke; weight 50; analyse 3s; weight 100; analyse 1s; promote", Map.of()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.counts().getOrDefault("2.0.0", 0) == 0) {
            assertThat(System.nanoTime()).as("2.0.0 takes traffic").isLessThan(deadline);
            DockerFixture.pause(20);
        }
        fixture.engine.restart();
        DeploymentRecord record = awaitRecord(id, r -> true);
        load.close();

        assertThat(record.status()).isIn(RecordStatus.ROLLED_BACK, RecordStatus.SUCCEEDED);
        assertThat(record.endedAt()).isNotNull();
        String serving = record.status() == RecordStatus.SUCCEEDED ? "2.0.0" : "1.0.0";
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Traffic.count(fixture.proxyPort, 10).keySet().equals(java.util.Set.of(serving))
                && System.nanoTime() < until) {
            DockerFixture.pause(100);
        }
        assertThat(Traffic.count(fixture.proxyPort, 20))
                .as("record says " + record.status() + ": " + record.reason())
                .containsOnlyKeys(serving);
        List<String> said = events.stream().map(RolloutEvent::message).toList();
        int back = said.indexOf(said.stream()
                .filter(line -> line.startsWith("traffic back"))
                .findFirst()
                .orElse(""));
        assertThat(back < 0 ? List.<String>of() : said.subList(0, back))
                .as("traffic moves back through the proxy without waiting for the engine: " + said)
                .noneMatch(line -> line.startsWith("rollback attempt"));
        if (record.status() == RecordStatus.ROLLED_BACK) {
            assertThat(fixture.containers("2.0.0"))
                    .as("the rolled-back candidate is retired")
                    .isEmpty();
        }
    }

    private DeploymentRecord awaitRecord(RolloutId id, Predicate<DeploymentRecord> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (history.find(id.value()).filter(done).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "rollout " + id + " has no final record after 120 s; rollout: " + engine.view(id)
                                + "; events: "
                                + events.stream().map(RolloutEvent::message).toList() + "; failures: "
                                + failures);
            }
            DockerFixture.pause(50);
        }
        return history.find(id.value()).orElseThrow();
    }
}
