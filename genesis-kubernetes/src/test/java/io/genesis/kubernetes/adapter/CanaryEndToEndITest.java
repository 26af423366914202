package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.Changes;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's canary plan on Kubernetes, by replica ratio and by HTTPRoute, to success and to rollback. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryEndToEndITest {

    KubernetesClient client;

    private EngineOnCluster world;
    private Workloads workloads;

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldApproximateWeightsByReplicasThenPromoteStable() {
        ClusterView users = withoutRoute();
        Changes<Integer> canaryPods = new Changes<>();

        DeploymentRecord record = world.run(
                world.request("shop", "canary", canarySettings()),
                () -> canaryPods.see(workloads.replicasOrZero("shop-canary")));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).contains("approximated by replicas"));
        assertThat(canaryPods.values()).as("canary replicas over the rollout").containsSubsequence(1, 2, 4, 0);
        assertThat(image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(replicas("shop")).isEqualTo(4);
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
    }

    @Test
    void shouldRetireTheCanaryWhenTheFirstAnalysisBreaches() {
        ClusterView users = withoutRoute();
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = world.run(world.request("shop", "canary", canarySettings()));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(replicas("shop-canary")).isZero();
        assertThat(replicas("shop")).isEqualTo(4);
        assertThat(image("shop")).isEqualTo("reg/shop:1.0.0");
        assertThat(users.trafficTo("1.0.0")).isEqualTo(100.0);
    }

    @Test
    void shouldShiftRouteWeightsFiveTwentyFiveFiftyHundredThenPromoteStable() {
        ClusterView users = withRoute();
        Changes<Integer> canaryWeights = new Changes<>();

        DeploymentRecord record = world.run(
                world.request("shop", "canary", canarySettings("httpRoute", "shop")),
                () -> canaryWeights.see(users.weights().get("shop-canary")));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(canaryWeights.values()).containsSubsequence(500, 2500, 5000, 10000, 0);
        assertThat(users.weights()).containsEntry("shop", 10000);
        assertThat(image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(replicas("shop-canary")).isZero();
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
    }

    @Test
    void shouldReturnTheRouteToStableWhenTheFirstAnalysisBreaches() {
        ClusterView users = withRoute();
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = world.run(world.request("shop", "canary", canarySettings("httpRoute", "shop")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(users.weights()).containsEntry("shop", 10000).containsEntry("shop-canary", 0);
        assertThat(replicas("shop-canary")).isZero();
        assertThat(image("shop")).isEqualTo("reg/shop:1.0.0");
        assertThat(users.trafficTo("1.0.0")).isEqualTo(100.0);
    }

    private ClusterView withoutRoute() {
        stable(labels("app", "shop"));
        return ClusterView.throughService(client, NS, "shop");
    }

    private ClusterView withRoute() {
        stable(labels("app", "shop", "track", "stable"));
        createRoute(client);
        return ClusterView.throughRoute(client, NS, "shop");
    }

    private void stable(Map<String, String> serviceSelector) {
        createCanary(client, serviceSelector);
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        world.simulate(Timings.realistic());
        workloads = new Workloads(client);
    }

    private static Map<String, String> canarySettings(String... keyValues) {
        Map<String, String> settings = settings("strategy", "canary");
        settings.putAll(labels(keyValues));
        return settings;
    }

    private int replicas(String name) {
        return workloads.replicasOrZero(name);
    }

    private String image(String name) {
        return workloads.image(name);
    }
}
