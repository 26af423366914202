package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.ServedTraffic;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rolling on the simulated cluster: each batch held while the analysis after it runs, and what users keep while pods roll. */
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
    void shouldKeepEveryReplicaServingWhileTheBatchesRoll() {
        List<Integer> served = new ArrayList<>();
        cluster.observe(
                at -> served.add(cluster.traffic().readyEndpoints("shop").size()));

        DeploymentRecord record = world.run(world.request("shop", "rolling", settings("strategy", "rolling")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).noneSatisfy(note -> assertThat(note).contains("no batch gates"));
        assertThat(served)
                .as("maxUnavailable 0: 4 ready endpoints at every instant")
                .allMatch(n -> n >= 4);
        assertThat(new Workloads(client).image("shop")).isEqualTo("reg/shop:1.1.0");
        assertThat(new Workloads(client).deployment("shop").getSpec().getPaused())
                .isFalse();
        assertThat(cluster.traffic().serviceShare("shop", "reg/shop:1.1.0")).isEqualTo(1.0);
    }

    @Test
    void shouldHoldEachBatchWhileTheAnalysisAfterItRuns() {
        Map<Integer, Set<Long>> newDuringAnalysis = new TreeMap<>();
        List<Integer> served = new ArrayList<>();
        cluster.observe(at -> {
            served.add(cluster.traffic().readyEndpoints("shop").size());
            world.states.list().stream()
                    .filter(state -> !state.settled() && state.currentStep() instanceof Step.Analyse)
                    .forEach(state -> newDuringAnalysis
                            .computeIfAbsent(state.step(), k -> new TreeSet<>())
                            .add(newEndpoints()));
        });

        DeploymentRecord record = world.run(world.request("shop", "custom", settings("strategy", "rolling"))
                .customSteps(
                        StepParser.parse("batch 25; analyse 2m; batch 50; analyse 2m; batch 75; batch 100; promote")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(newDuringAnalysis)
                .as("while each analysis runs, the Deployment stays paused at its batch: at most 1, then 2 of 4 new"
                        + " pods serve (EndpointSlices follow the batch's last pod 2 s after it is available), the"
                        + " analysis never watches a rollout that moved on")
                .containsOnlyKeys(1, 3)
                .hasEntrySatisfying(1, counts -> assertThat(counts).contains(1L).allMatch(n -> n <= 1))
                .hasEntrySatisfying(3, counts -> assertThat(counts).contains(2L).allMatch(n -> n <= 2));
        assertThat(served).as("maxUnavailable 0 holds across pauses").allMatch(n -> n >= 4);
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).contains("pausing deployment shop"));
    }

    @Test
    void shouldRollBackFromAPausedBatch() {
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);
        List<Integer> served = new ArrayList<>();
        cluster.observe(
                at -> served.add(cluster.traffic().readyEndpoints("shop").size()));

        DeploymentRecord record = world.run(world.request("shop", "custom", settings("strategy", "rolling"))
                .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.ROLLED_BACK);
        Deployment shop = new Workloads(client).deployment("shop");
        assertThat(shop.getSpec().getPaused())
                .as("the undo resumed the Deployment Genesis had paused")
                .isFalse();
        assertThat(new Workloads(client).image("shop")).isEqualTo("reg/shop:1.0.0");
        assertThat(cluster.traffic().serviceShare("shop", "reg/shop:1.0.0")).isEqualTo(1.0);
        assertThat(served).allMatch(n -> n >= 4);
    }

    private long newEndpoints() {
        ServedTraffic traffic = cluster.traffic();
        return Math.round(traffic.serviceShare("shop", "reg/shop:1.1.0")
                * traffic.readyEndpoints("shop").size());
    }
}
