package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rolling on the simulated cluster: what the plan says about batches, and what users keep while pods roll. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RollingOnSimulatedClusterITest {

    KubernetesClient client;

    private EngineOnCluster world;
    private SimulatedCluster cluster;

    @BeforeEach
    void setUp() {
        createRolling(client, "reg/shop:1.0.0", 4);
        create(client, service("shop", labels("app", "shop")));
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        cluster = world.simulate(Timings.realistic());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldSayThatBatchesAreNotGatedAndKeepEveryReplicaServing() {
        List<Integer> served = new ArrayList<>();
        cluster.observe(
                at -> served.add(cluster.traffic().readyEndpoints("shop").size()));

        DeploymentRecord record = world.run(world.request("shop", "rolling", settings("strategy", "rolling")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).anySatisfy(note -> assertThat(note).contains("no batch gates"));
        assertThat(served)
                .as("maxUnavailable 0: 4 ready endpoints at every instant")
                .allMatch(n -> n >= 4);
        assertThat(new Workloads(client).image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(cluster.traffic().serviceShare("shop", "reg/shop:1.1.0")).isEqualTo(1.0);
    }
}
