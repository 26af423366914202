package io.genesis.docker.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingUpdater;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.target.Version;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.Load;
import io.genesis.docker.testing.ManualRollback;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures, on the real engine and proxy, how long rolling back takes — figures for docs/performance.md,
 * written to {@code target/docker-rollback-times.md}; nothing here asserts a time. Three ways, in one run:
 * the engine rolling a faulty canary back on a breach (trigger → weight 0 in the proxy, as the record
 * says, and the answers the candidate gave to requests sent after the switch: asserted zero); a freshly
 * opened target rolling back (what {@code genesis rollback} runs once it has read the stored rollout); and
 * the release guide's manual rollback, {@code docker stop} + {@code docker run} of the previous image with
 * the {@code docker} command, until the new container answers.
 */
class RollbackTimesITest {

    private static final int ROUNDS = 3;

    private DockerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldMeasureRollbackThroughTheProxyBesideTheManualOne() throws Exception {
        String base = SampleImages.base(fixture.client());
        String faulty = SampleImages.image(fixture.client(), "faulty", "ENV FAIL_PERCENT=30");
        fixture.serve(base, "1.0.0", Map.of());
        List<Double> breach = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        List<Double> manual = new ArrayList<>();
        int afterSwitch = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Breach measured = breachToRestore(faulty, round);
            breach.add(measured.millis());
            afterSwitch += measured.candidateAnswersAfterSwitch();
            fresh.add(freshProcessRollback(base, round));
        }
        Optional<String> docker = ManualRollback.dockerCommand();
        if (docker.isPresent()) {
            for (int round = 0; round < ROUNDS; round++) {
                manual.add(ManualRollback.measure(fixture, docker.get(), base, round));
            }
        }

        assertThat(afterSwitch)
                .as("answers from the candidate to requests sent after the switch")
                .isZero();
        String table = "| figure | " + ROUNDS + " rounds, ms |\n|---|---|\n"
                + "| breach detected → weight 0 in HAProxy (record's time to restore) | " + breach + " |\n"
                + "| freshly opened target: rollback → all weights back (what genesis rollback runs) | " + fresh
                + " |\n"
                + "| docker stop + docker run of the previous image → it answers (the guide's manual rollback) | "
                + (manual.isEmpty() ? "no docker command" : manual.toString()) + " |\n"
                + "| requests answered by the candidate after the switch | " + afterSwitch + " |\n";
        System.out.println(table);
        Files.writeString(Path.of("target", "docker-rollback-times.md"), table);
    }

    private record Breach(double millis, int candidateAnswersAfterSwitch) {}

    /** The engine rolls a canary that fails 30 % of its requests back on its first sample. */
    private Breach breachToRestore(String faulty, int round) {
        InMemoryHistoryStore history = new InMemoryHistoryStore();
        Clock clock = Clock.systemUTC();
        TimedTargets targets = new TimedTargets(fixture.targets);
        try (ExecutorScheduler scheduler = new ExecutorScheduler(clock, e -> {});
                Load load = Load.start(fixture.proxyPort, 2)) {
            Orchestrator engine = Orchestrator.builder()
                    .settings(EngineSettings.defaults("measure").withPollInterval(Duration.ofMillis(50)))
                    .clock(clock)
                    .scheduler(scheduler)
                    .states(new InMemoryRolloutStateStore())
                    .locks(new InMemoryRolloutLock())
                    .history(history)
                    .targets(targets)
                    .metricSources(fixture.targets)
                    .build();
            TargetSpec target = fixture.spec(faulty, Map.of());
            Version version = new Version("2.0." + round);
            RolloutId id = engine.submit(RolloutRequest.builder(
                            fixture.key.application(), Environments.defaults().named("staging"))
                    .commit("a1b2c3d4")
                    .ref(SourceRef.branch("main"))
                    .version(version)
                    .strategy("custom")
                    .customSteps(StepParser.parse("deploy; smoke; weight 50; analyse 10s; weight 100; promote"))
                    .target(target)
                    .metrics(DockerTargets.metricSpec(fixture.key, version, target, 1))
                    .analysis(AnalysisThresholds.defaults().withSampleInterval(Duration.ofMillis(500)))
                    .initiator("measure")
                    .build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (history.find(id.value()).isEmpty() && System.nanoTime() < deadline) {
                DockerFixture.pause(20);
            }
            DeploymentRecord record = history.find(id.value())
                    .orElseThrow(() -> new AssertionError(
                            "round " + round + ": no record after 40 s: " + engine.view(id) + "; traffic "
                                    + Traffic.count(fixture.proxyPort, 10) + "; load " + load.counts() + "; servers "
                                    + fixture.targets
                                            .proxy(fixture.proxyDir, fixture.key)
                                            .servers() + "; counters "
                                    + fixture.targets
                                            .proxy(fixture.proxyDir, fixture.key)
                                            .counters()));
            assertThat(record.status()).as(record.reason()).isEqualTo(RecordStatus.ROLLED_BACK);
            long switched = targets.restoredAt;
            assertThat(switched)
                    .as("the engine moved the weight to 0 through the router")
                    .isNotEqualTo(Long.MAX_VALUE);
            int after = (int) load.answers().stream()
                    .filter(answer -> answer.sent() > switched && answer.by().startsWith(version.value()))
                    .count();
            return new Breach(record.timeToRestore().toNanos() / 1e6, after);
        }
    }

    /** A candidate takes half the traffic; a target opened afresh rolls it back. */
    private double freshProcessRollback(String image, int round) {
        DockerTarget deployer = fixture.target(image, Map.of());
        DeploymentContext candidate = fixture.context("fresh-" + round, "3.0." + round);
        deployer.deployCandidate(candidate);
        DockerFixture.awaitHealthy(deployer, candidate);
        deployer.setWeight(candidate, new Percentage(50));

        DockerTargets another = new DockerTargets(
                Map.of("DOCKER_HOST", fixture.engine.host().toString()),
                fixture.proxyDir,
                "haproxy",
                Clock.systemUTC());
        long start = System.nanoTime();
        another.open(fixture.key, fixture.spec(image, Map.of())).rollback(candidate);
        double millis = (System.nanoTime() - start) / 1e6;

        assertThat(Traffic.count(fixture.proxyPort, 20)).containsOnlyKeys("1.0.0");
        deployer.retireCandidate(candidate);
        return millis;
    }

    /** The Docker targets, noting when a router's weight 0 (traffic restored) took effect. */
    private static final class TimedTargets implements io.genesis.core.target.TargetFactory {

        private final DockerTargets targets;
        private volatile long restoredAt = Long.MAX_VALUE;

        TimedTargets(DockerTargets targets) {
            this.targets = targets;
        }

        @Override
        public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
            DockerTarget target = targets.open(key, spec);
            TrafficRouter router = new TrafficRouter() {
                @Override
                public void setWeight(DeploymentContext context, Percentage weight) {
                    target.setWeight(context, weight);
                    if (weight.value() == 0 && restoredAt == Long.MAX_VALUE) {
                        restoredAt = System.nanoTime();
                    }
                }

                @Override
                public boolean verifyWeight(DeploymentContext context, Percentage weight) {
                    return target.verifyWeight(context, weight);
                }
            };
            return new DeploymentTarget() {
                @Override
                public String describe() {
                    return target.describe();
                }

                @Override
                public void deployCandidate(DeploymentContext context) {
                    target.deployCandidate(context);
                }

                @Override
                public Health health(DeploymentContext context) {
                    return target.health(context);
                }

                @Override
                public Health smokeCheck(DeploymentContext context) {
                    return target.smokeCheck(context);
                }

                @Override
                public void promote(DeploymentContext context) {
                    target.promote(context);
                }

                @Override
                public void scaleDownPrevious(DeploymentContext context) {
                    target.scaleDownPrevious(context);
                }

                @Override
                public void rollback(DeploymentContext context) {
                    target.rollback(context);
                }

                @Override
                public void retireCandidate(DeploymentContext context) {
                    target.retireCandidate(context);
                }

                @Override
                public Optional<TrafficRouter> trafficRouter() {
                    return Optional.of(router);
                }

                @Override
                public Optional<RollingUpdater> rollingUpdater() {
                    return target.rollingUpdater();
                }
            };
        }
    }
}
