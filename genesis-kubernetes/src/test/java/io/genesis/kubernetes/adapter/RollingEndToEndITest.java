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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's rolling plan on one Deployment: to success, to rollback on a breach, and past its progress deadline. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RollingEndToEndITest {

    private static final Map<String, String> SETTINGS = settings("strategy", "rolling");

    KubernetesClient client;

    private EngineOnCluster world;

    @BeforeEach
    void setUp() {
        createRolling(client, "reg/shop:1.0.0", 4);
        world = new EngineOnCluster(client, new InMemoryRolloutLock()).start();
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
        assertThat(world.controller.pods("shop")).hasSize(4);
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
    void shouldRollBackWhenTheRolloutExceedsItsProgressDeadline() {
        world.controller.stall("shop");
        boolean[] rolled = {false};

        DeploymentRecord record = world.run(world.request("shop", "rolling", SETTINGS), () -> {
            String image = image(shop());
            rolled[0] |= image.equals("reg/shop:1.1.0");
            if (rolled[0] && image.equals("reg/shop:1.0.0")) {
                // The new template's pods were the stuck ones; the undone template rolls back as usual.
                world.controller.unstall("shop");
                world.controller.reconcile("shop");
            }
        });

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("ProgressDeadlineExceeded");
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        world.controller.unstall("shop");
        world.catchUp();
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
