package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static io.genesis.kubernetes.testing.Workloads.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's rolling plan on one Deployment: to success, to rollback on a breach, and past its health deadline. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RollingEndToEndITest {

    private static final Map<String, String> SETTINGS = settings("strategy", "rolling");

    KubernetesClient client;

    private EngineOnCluster world;
    private SimulatedCluster cluster;

    @BeforeEach
    void setUp() {
        createRolling(client, "reg/shop:1.0.0", 4);
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        cluster = world.simulate(Timings.realistic());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldRollEveryPodToTheNewImageWithinTheBounds() {
        DeploymentRecord record = world.run(world.request("shop", "rolling", SETTINGS));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        Deployment shop = shop();
        assertThat(image(shop)).isEqualTo("reg/shop:1.1.0");
        assertThat(shop.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal())
                .isEqualTo("25%");
        assertThat(shop.getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getStrVal())
                .isEqualTo("0%");
        assertThat(ClusterView.throughService(client, NS, "shop").runs("1.0.0")).isFalse();
        assertThat(pods("1.1.0")).isEqualTo(4);
    }

    @Test
    void shouldUndoTheRollingUpdateWhenAnAnalysisBetweenBatchesBreaches() {
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = world.run(world.request("shop", "custom", SETTINGS)
                .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(shop().getMetadata().getAnnotations()).containsEntry(Names.ROLLED_BACK, record.id());
        assertThat(pods("1.0.0")).isEqualTo(4);
        assertThat(pods("1.1.0")).isZero();
    }

    @Test
    void shouldRollBackWhenABatchIsNotAvailableWithinGenesisOwnDeadline() {
        // The new image's pods never turn ready. The batch is held with spec.paused, and a paused
        // Deployment never reports ProgressDeadlineExceeded (the controller does not count time
        // while paused): Genesis' own health deadline is what ends the wait.
        cluster.crashLoop("reg/shop:1.1.0");

        DeploymentRecord record = world.run(world.request("shop", "rolling", SETTINGS));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .contains("batch of 25.00 % not healthy within 10 min")
                .contains("0 of 1 updated replicas available");
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(shop().getStatus().getAvailableReplicas())
                .as("the undone template available again")
                .isEqualTo(4);
        assertThat(pods("1.0.0")).isEqualTo(4);
        assertThat(pods("1.1.0")).isZero();
    }

    private long pods(String version) {
        return ClusterView.throughService(client, NS, "shop").pods(version);
    }

    private Deployment shop() {
        return new Workloads(client).deployment("shop");
    }
}
