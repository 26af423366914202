package io.jenkins.plugins.genesis.deploy;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Identity;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine side of {@code genesisDeploy} on Kubernetes: fabric8's mock API server in CRUD mode,
 * the Kubernetes target the plugin bundles, and genesis-kubernetes' simulated cluster on the same
 * clock as the engine, with short timings (the test is about the step's engine side, not the pods'
 * pace; the rules are the same). Time is simulated, so the approval's wait, the analysis
 * windows, blue-green's keep and the pods' start take no wall time. A "restart" drops one host and its scheduler and opens another over the same directory.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RolloutHostKubernetesTest {

    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final String BUILD = "shop/main#7";
    private static final String KEY = BUILD + "#node:12";

    KubernetesClient client;

    @TempDir
    Path state;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ScriptedMetricSource metrics = new ScriptedMetricSource();
    private SimulatedScheduler scheduler;
    private SimulatedCluster cluster;

    /** The cluster with the objects created so far running (their pods ready), on the engine's clock. */
    private void clusterRunning() {
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.fast());
    }

    /** A controller's engine over {@link #state}, with a scheduler of its own, as after a (re)start. */
    private RolloutHost host() {
        scheduler = new SimulatedScheduler(clock);
        return RolloutHost.builder()
                .directory(state)
                .clock(clock)
                .scheduler(scheduler, null)
                .targets(new KubernetesTargetFactory(client, line -> {}))
                .metricSources(spec -> metrics)
                .approver(request -> {})
                .settings(EngineSettings.defaults("ignored"))
                .build();
    }

    /** Runs the engine's wake-ups, the cluster catching up after each, until {@code done}. */
    private void driveUntil(BooleanSupplier done, String what) {
        cluster.catchUp();
        for (int i = 0; i < 10_000 && !done.getAsBoolean(); i++) {
            Instant next = scheduler.next().orElseThrow(() -> new AssertionError("nothing scheduled before " + what));
            cluster.advanceTo(next);
            scheduler.runUntil(next);
            cluster.catchUp();
        }
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }

    private static RolloutRequest request(String strategy, Map<String, String> target, Environment environment) {
        GenesisDeployStep step = new GenesisDeployStep("shop", environment.name());
        step.setStrategy(strategy);
        step.setCommit(COMMIT);
        RolloutRequest translated = DeployTranslation.request(
                step,
                environment,
                new TargetSpec(KubernetesTargetFactory.KIND, target),
                new BuildFacts(BUILD, "bob", "bob", Map.of("BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY);
        return new RolloutRequest(
                translated.key(),
                translated.commit(),
                translated.ref(),
                translated.version(),
                translated.strategy(),
                translated.strategySettings(),
                translated.approval(),
                translated.refs(),
                translated.target(),
                MetricSpec.of("scripted"),
                translated.analysis(),
                translated.initiator(),
                translated.build(),
                translated.notes(),
                translated.initiatorAccount(),
                translated.healthDeadline(),
                translated.hooks(),
                translated.buildDate(),
                translated.freezeOverride(),
                translated.commitTime(),
                translated.freezes());
    }

    private static Environment production() {
        return new Environment(
                        "production",
                        GateThresholds.of(98, 85),
                        new ApprovalPolicy(
                                true, Set.of("alice"), Set.of(), Duration.ofMinutes(5), Duration.ofHours(24), true),
                        new RefPolicy(List.of("main"), List.of()))
                // The promotion path is DeployTranslationTest's; these tests deploy straight to production.
                .withPromotion(PromotionPath.NONE);
    }

    @Test
    void shouldSwitchBlueGreenAfterAnApprovalGivenAfterARestart() {
        // given: blue runs 1.0.0; a blue-green rollout of 1.1.0 waits for approval
        createBlueGreen(client, 2);
        clusterRunning();
        RolloutHost before = host();
        RecordingSink first = new RecordingSink();
        String id = RolloutCalls.deploy(before, KEY, request("blueGreen", settings(), production()), first);
        driveUntil(() -> first.said("waiting for approval"), "the approval prompt");

        // when: the controller restarts, the step resumes, alice approves after the wait timer
        RolloutHost after = host();
        after.reconcile(build -> true);
        RecordingSink resumed = new RecordingSink();
        RolloutCalls.resumeDeploy(after, KEY, id, resumed);
        clock.advance(Duration.ofMinutes(5));
        after.decide(id, ApprovalDecision.approve(Identity.user("alice"), "ship it"));
        driveUntil(resumed::ended, "the rollout's end");

        // then
        assertThat(resumed.endings).containsExactly("succeeded");
        DeploymentRecord record = resumed.records.get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.approvals()).extracting(a -> a.by()).containsExactly("alice");
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getSelector())
                .containsEntry("slot", "green");
        assertThat(first.ended()).isFalse();
    }

    @Test
    void shouldRollACanaryBackWhenTheBuildIsAbortedDuringItsAnalysis() {
        // given: a canary analysing its first weight
        createCanary(client, labels("app", "shop"));
        clusterRunning();
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        String id = RolloutCalls.deploy(
                host,
                KEY,
                request("canary", settings("strategy", "canary"), production().withApproval(ApprovalPolicy.none())),
                sink);
        driveUntil(
                () -> host.view(id)
                        .map(v -> v.status() == RolloutStatus.ANALYSING)
                        .orElse(false),
                "the canary's analysis");

        // when
        RolloutCalls.stopDeploy(host, id, "the build was aborted", "alice", sink);
        driveUntil(sink::ended, "the rollback's end");

        // then
        assertThat(sink.endings).containsExactly("failed");
        DeploymentRecord record = sink.records.get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("the build was aborted");
        assertThat(record.restoreTime()).isPresent();
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("reg/shop:1.0.0");
    }
}
