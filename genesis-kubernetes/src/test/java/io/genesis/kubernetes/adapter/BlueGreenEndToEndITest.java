package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.Metric;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.Changes;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's blue-green plans on Kubernetes, with and without an HTTPRoute, to success and to rollback. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenEndToEndITest {

    static final Map<Metric, Double> BREACH =
            Map.of(Metric.ERROR_RATE, 7.5, Metric.LATENCY_P95, 120.0, Metric.AVAILABILITY, 99.99);

    KubernetesClient client;

    private EngineOnCluster world;
    private Workloads workloads;

    @BeforeEach
    void setUp() {
        createBlueGreen(client, 2);
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        world.simulate(Timings.realistic());
        workloads = new Workloads(client);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldSwitchTheActiveServiceOnceWithoutARouterAndScaleBlueDownLater() {
        ClusterView users = ClusterView.throughService(client, NS, "shop");
        RequestLog.clear();

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings()));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).anySatisfy(note -> assertThat(note).contains("no traffic router"));
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(RequestLog.requests())
                .filteredOn(r -> r.equals("PATCH /api/v1/namespaces/test/services/shop"))
                .as("one atomic switch of the active Service")
                .hasSize(1);
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
        assertThat(replicas("shop-blue")).as("blue scaled down after the keep").isZero();
        assertThat(image("shop-green")).isEqualTo("reg/shop:1.1.0");
    }

    @Test
    void shouldSwitchBackToBlueWhenTheAnalysisAfterTheSwitchBreaches() {
        ClusterView users = ClusterView.throughService(client, NS, "shop");
        world.metrics.script(window -> BREACH);

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings()));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(record.trafficRestoredAt()).isAfterOrEqualTo(record.rollbackTriggeredAt());
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(users.trafficTo("1.0.0")).isEqualTo(100.0);
        assertThat(replicas("shop-green")).as("candidate retired").isZero();
        assertThat(replicas("shop-blue")).isEqualTo(2);
    }

    @Test
    void shouldShiftTheRouteTenFiftyHundredThenSwitchTheActiveService() {
        ClusterView users = withRoute();
        Changes<Integer> previewWeights = new Changes<>();

        DeploymentRecord record = world.run(
                world.request("shop", "blueGreen", settings("httpRoute", "shop")),
                () -> previewWeights.see(users.weights().get("shop-preview")));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(previewWeights.values()).containsExactly(1000, 5000, 10000, 0);
        assertThat(users.weights()).containsEntry("shop", 10000);
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
        assertThat(replicas("shop-blue")).isZero();
    }

    @Test
    void shouldReturnTheRouteToBlueWhenTheFirstAnalysisBreaches() {
        ClusterView users = withRoute();
        world.metrics.script(window -> BREACH);

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("httpRoute", "shop")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(users.weights()).containsEntry("shop", 10000).containsEntry("shop-preview", 0);
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(users.trafficTo("1.0.0")).isEqualTo(100.0);
        assertThat(replicas("shop-green")).isZero();
    }

    private ClusterView withRoute() {
        createRoute(client);
        return ClusterView.throughRoute(client, NS, "shop");
    }

    private Map<String, String> selector() {
        return workloads.selector("shop");
    }

    private int replicas(String name) {
        return workloads.replicas(name);
    }

    private String image(String name) {
        return workloads.image(name);
    }
}
