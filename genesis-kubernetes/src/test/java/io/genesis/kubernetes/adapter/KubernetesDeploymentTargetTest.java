package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.Lease;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesDeploymentTargetTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    private static final DeploymentContext CONTEXT =
            new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    KubernetesClient client;

    private final List<String> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;

    /** On the simulated cluster (realistic timings, the test's clock), its namespace created. */
    @BeforeEach
    void setUp() {
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
    }

    @Test
    void shouldDriveBlueGreenThroughTheEnginePort() {
        createBlueGreen(client, 2);
        cluster.elapse(Duration.ofMinutes(1));
        DeploymentTarget target = open(Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0"));

        target.deployCandidate(CONTEXT);
        Health starting = target.health(CONTEXT);
        cluster.elapse(Duration.ofMinutes(1));

        assertThat(starting.state()).isEqualTo(Health.State.PROGRESSING);
        assertThat(target.health(CONTEXT).isHealthy()).isTrue();
        assertThat(target.smokeCheck(CONTEXT).isHealthy()).isTrue();
        assertThat(target.trafficRouter()).isEmpty();
        assertThat(target.rollingUpdater()).isEmpty();
        target.promote(CONTEXT);
        assertThat(new Workloads(client).selector("shop")).containsEntry("slot", "green");
        target.rollback(CONTEXT);
        assertThat(new Workloads(client).selector("shop")).containsEntry("slot", "blue");
        assertThat(target.describe()).isEqualTo("kubernetes blue-green test/shop");
    }

    @Test
    void shouldOfferRollingUpdatesAndTurnFailuresIntoTargetExceptions() {
        createRolling(client, "reg/shop:1.0.0", 2);
        DeploymentTarget target =
                open(Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0", "strategy", "rolling"));

        target.rollingUpdater().orElseThrow().rollTo(CONTEXT, new Percentage(25), RollingBounds.DEFAULT);

        assertThat(new Workloads(client).image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThatThrownBy(() -> target.promote(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("cannot promote");
    }

    @Test
    void shouldOfferTheCanaryRouter() {
        createCanary(client, labels("app", "shop"));
        DeploymentTarget target =
                open(Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0", "strategy", "canary"));
        target.deployCandidate(CONTEXT);

        target.trafficRouter().orElseThrow().setWeight(CONTEXT, new Percentage(50));

        assertThat(target.trafficRouter().orElseThrow().verifyWeight(CONTEXT, new Percentage(50)))
                .isFalse();
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-canary")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseUnknownKindsSettingsAndStrategies() {
        KubernetesTargetFactory factory = new KubernetesTargetFactory(client, events::add);

        assertThatThrownBy(() -> factory.open(KEY, TargetSpec.of("sandbox"))).hasMessageContaining("known: kubernetes");
        assertThatThrownBy(() -> open(Map.of("namespace", NS, "deployment", "shop", "image", "x:1", "replica", "3")))
                .hasMessageContaining("[replica] are not known");
        assertThatThrownBy(() -> open(Map.of("namespace", NS, "deployment", "shop", "image", "x:1", "strategy", "x")))
                .hasMessageContaining("known: blueGreen, canary, rolling");
        assertThatThrownBy(() -> open(Map.of("namespace", NS, "deployment", "shop")))
                .hasMessageContaining("'image' is required");
        assertThatThrownBy(() -> open(
                        Map.of("namespace", NS, "deployment", "shop", "image", "x:1", "promoteTimeoutSeconds", "600")))
                .as("promote is a polled step bounded by the engine's progress deadline")
                .hasMessageContaining("[promoteTimeoutSeconds] are not known");
    }

    @Test
    void shouldLockEachApplicationAndEnvironmentWithALease() {
        KubernetesRolloutLock lock = new KubernetesRolloutLock(client, key -> NS);
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        Lease lease = lock.acquire(KEY, "rollout-1", "ci-1", now, Duration.ofMinutes(5))
                .orElseThrow();

        assertThat(lease).isEqualTo(new Lease(KEY, "rollout-1", "ci-1", now, now.plusSeconds(300)));
        assertThat(lock.acquire(
                        DeploymentKey.of("cart", "production"), "rollout-2", "ci-1", now, Duration.ofMinutes(5)))
                .isPresent();
        assertThat(lock.acquire(KEY, "rollout-3", "ci-2", now, Duration.ofMinutes(5)))
                .isEmpty();
        assertThat(lock.refresh(KEY, "rollout-1", now.plusSeconds(60), Duration.ofMinutes(5)))
                .isPresent();
        lock.release(KEY, "rollout-1");
        assertThat(lock.current(KEY)).isEmpty();
    }

    private DeploymentTarget open(Map<String, String> settings) {
        return new KubernetesTargetFactory(client, events::add).open(KEY, new TargetSpec("kubernetes", settings));
    }
}
