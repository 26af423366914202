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
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's canary plan on Kubernetes, by replica ratio and by HTTPRoute, to success and to rollback. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryEndToEndITest {

    KubernetesClient client;

    private EngineOnCluster world;

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldApproximateWeightsByReplicasThenPromoteStable() {
        ClusterView users = withoutRoute();
        List<Long> canaryPods = new ArrayList<>();

        RolloutId id = world.engine.submit(
                world.request("shop", "canary", settings(Map.of())).build());
        world.drive(() -> changed(canaryPods, replicas("shop-canary").longValue()));

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).contains("approximated by replicas"));
        assertThat(canaryPods).as("canary replicas over the rollout").containsSubsequence(1L, 2L, 4L, 0L);
        assertThat(image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(replicas("shop")).isEqualTo(4);
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
    }

    @Test
    void shouldRetireTheCanaryWhenTheFirstAnalysisBreaches() {
        ClusterView users = withoutRoute();
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        RolloutId id = world.engine.submit(
                world.request("shop", "canary", settings(Map.of())).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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
        List<Long> canaryWeights = new ArrayList<>();

        RolloutId id = world.engine.submit(world.request("shop", "canary", settings(Map.of("httpRoute", "shop")))
                .build());
        world.drive(() -> {
            Integer weight = users.weights().get("shop-canary");
            if (weight != null) {
                changed(canaryWeights, weight.longValue());
            }
        });

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(canaryWeights).containsSubsequence(500L, 2500L, 5000L, 10000L, 0L);
        assertThat(users.weights()).containsEntry("shop", 10000);
        assertThat(image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(replicas("shop-canary")).isZero();
        assertThat(users.trafficTo("1.1.0")).isEqualTo(100.0);
    }

    @Test
    void shouldReturnTheRouteToStableWhenTheFirstAnalysisBreaches() {
        ClusterView users = withRoute();
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        RolloutId id = world.engine.submit(world.request("shop", "canary", settings(Map.of("httpRoute", "shop")))
                .build());
        world.drive();

        DeploymentRecord record = world.record(id);
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
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(route("shop", "shop"))
                .create();
        ClusterView users = ClusterView.throughRoute(client, NS, "shop");
        world.gateway(users);
        return users;
    }

    private void stable(Map<String, String> serviceSelector) {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop", labels("app", "shop", "track", "stable"), "reg/shop:1.0.0", 4))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", serviceSelector))
                .create();
        world = new EngineOnCluster(client, new InMemoryRolloutLock()).startWatching();
    }

    private static void changed(List<Long> seen, long value) {
        if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
            seen.add(value);
        }
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "namespace", NS,
                "deployment", "shop",
                "image", "reg/shop:1.1.0",
                "strategy", "canary",
                "promoteTimeoutSeconds", "10"));
        settings.putAll(extra);
        return settings;
    }

    private Integer replicas(String name) {
        Deployment deployment =
                client.apps().deployments().inNamespace(NS).withName(name).get();
        return deployment == null ? 0 : deployment.getSpec().getReplicas();
    }

    private String image(String name) {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }
}
