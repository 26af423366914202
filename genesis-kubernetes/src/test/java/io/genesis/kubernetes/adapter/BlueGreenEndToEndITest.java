package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.route;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.Metric;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    @BeforeEach
    void setUp() {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop-blue", labels("app", "shop", "slot", "blue"), "reg/shop:1.0.0", 2))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", labels("app", "shop", "slot", "blue")))
                .create();
        world = new EngineOnCluster(client, new InMemoryRolloutLock()).start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldSwitchTheActiveServiceOnceWithoutARouterAndScaleBlueDownLater() {
        ClusterView users = ClusterView.throughService(client, NS, "shop");
        RequestLog.clear();

        RolloutId id = world.engine.submit(
                world.request("shop", "blueGreen", settings(Map.of())).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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

        RolloutId id = world.engine.submit(
                world.request("shop", "blueGreen", settings(Map.of())).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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
        List<Integer> previewWeights = new ArrayList<>();

        RolloutId id = world.engine.submit(world.request("shop", "blueGreen", settings(Map.of("httpRoute", "shop")))
                .build());
        world.drive(() -> {
            Integer weight = users.weights().get("shop-preview");
            if (weight != null
                    && (previewWeights.isEmpty()
                            || !previewWeights.get(previewWeights.size() - 1).equals(weight))) {
                previewWeights.add(weight);
            }
        });

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(previewWeights).containsExactly(1000, 5000, 10000, 0);
        assertThat(users.weights()).containsEntry("shop", 10000);
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
        assertThat(replicas("shop-blue")).isZero();
    }

    @Test
    void shouldReturnTheRouteToBlueWhenTheFirstAnalysisBreaches() {
        ClusterView users = withRoute();
        world.metrics.script(window -> BREACH);

        RolloutId id = world.engine.submit(world.request("shop", "blueGreen", settings(Map.of("httpRoute", "shop")))
                .build());
        world.drive();

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(users.weights()).containsEntry("shop", 10000).containsEntry("shop-preview", 0);
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(users.trafficTo("1.0.0")).isEqualTo(100.0);
        assertThat(replicas("shop-green")).isZero();
    }

    private ClusterView withRoute() {
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(route("shop", "shop"))
                .create();
        ClusterView users = ClusterView.throughRoute(client, NS, "shop");
        world.gateway(users);
        return users;
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings =
                new HashMap<>(Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0"));
        settings.putAll(extra);
        return settings;
    }

    private Map<String, String> selector() {
        return client.services()
                .inNamespace(NS)
                .withName("shop")
                .get()
                .getSpec()
                .getSelector();
    }

    private int replicas(String name) {
        return deploymentNamed(name).getSpec().getReplicas();
    }

    private String image(String name) {
        return deploymentNamed(name)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    private Deployment deploymentNamed(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }
}
