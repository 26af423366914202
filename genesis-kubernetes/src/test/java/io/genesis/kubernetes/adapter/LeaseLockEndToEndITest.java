package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The (application, environment) lock as Kubernetes Leases, under the real engine. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class LeaseLockEndToEndITest {

    KubernetesClient client;

    private EngineOnCluster world;
    private KubernetesRolloutLock locks;

    @BeforeEach
    void setUp() {
        for (String app : new String[] {"shop", "cart"}) {
            client.apps()
                    .deployments()
                    .inNamespace(NS)
                    .resource(deployment(app + "-blue", labels("app", app, "slot", "blue"), "reg/" + app + ":1.0.0", 2))
                    .create();
            client.services()
                    .inNamespace(NS)
                    .resource(service(app, labels("app", app, "slot", "blue")))
                    .create();
        }
        locks = new KubernetesRolloutLock(client, key -> NS);
        world = new EngineOnCluster(client, locks);
        world.simulate(Timings.realistic());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldLetTwoApplicationsInOneNamespaceRollOutSideBySide() {
        RolloutId shop = world.engine.submit(
                world.request("shop", "blueGreen", settings("shop")).build());
        RolloutId cart = world.engine.submit(
                world.request("cart", "blueGreen", settings("cart")).build());

        assertThat(world.engine.view(shop).map(RolloutView::status)).isNotEqualTo(Optional.of(RolloutStatus.QUEUED));
        assertThat(world.engine.view(cart).map(RolloutView::status)).isNotEqualTo(Optional.of(RolloutStatus.QUEUED));
        assertThat(lease("genesis-shop-staging").getSpec().getHolderIdentity()).isEqualTo(shop.value());
        assertThat(lease("genesis-cart-staging").getSpec().getHolderIdentity()).isEqualTo(cart.value());
        world.drive();

        assertThat(world.record(shop).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.record(cart).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(ClusterView.throughService(client, NS, "shop").trafficTo("1.1.0"))
                .isEqualTo(100.0);
        assertThat(ClusterView.throughService(client, NS, "cart").trafficTo("1.1.0"))
                .isEqualTo(100.0);
        assertThat(locks.current(DeploymentKey.of("shop", "staging"))).isEmpty();
        assertThat(locks.current(DeploymentKey.of("cart", "staging"))).isEmpty();
    }

    @Test
    void shouldQueueASecondRolloutOfTheSameApplicationBehindTheLease() {
        RolloutId first = world.engine.submit(
                world.request("shop", "blueGreen", settings("shop")).build());
        RolloutId second = world.engine.submit(
                world.request("shop", "blueGreen", settings("shop")).build());

        assertThat(world.engine.view(second).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);
        assertThat(lease("genesis-shop-staging").getSpec().getHolderIdentity()).isEqualTo(first.value());
        world.drive();

        assertThat(world.record(first).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.record(second).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.record(second).phases())
                .as("the second touched the cluster only after the first ended")
                .allSatisfy(phase -> assertThat(phase.startedAt())
                        .isAfterOrEqualTo(world.record(first).endedAt()));
        assertThat(locks.current(DeploymentKey.of("shop", "staging"))).isEmpty();
    }

    private Lease lease(String name) {
        return client.leases().inNamespace(NS).withName(name).get();
    }

    private static Map<String, String> settings(String app) {
        return Map.of("namespace", NS, "deployment", app, "image", "reg/" + app + ":1.1.0");
    }
}
