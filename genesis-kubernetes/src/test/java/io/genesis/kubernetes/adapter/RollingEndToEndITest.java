package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's rolling plan on one Deployment: to success, to rollback on a breach, and past its progress deadline. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RollingEndToEndITest {

    private static final Map<String, String> SETTINGS =
            Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0", "strategy", "rolling");

    KubernetesClient client;

    private EngineOnCluster world;

    @BeforeEach
    void setUp() {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 4))
                .create();
        world = new EngineOnCluster(client, new InMemoryRolloutLock()).start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldRollEveryPodToTheNewImageWithinTheBounds() {
        RolloutId id =
                world.engine.submit(world.request("shop", "rolling", SETTINGS).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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

        RolloutId id = world.engine.submit(world.request("shop", "custom", SETTINGS)
                .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote"))
                .build());
        world.drive();

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("error rate");
        assertThat(record.timeToRestore()).isNotNull();
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(shop().getMetadata().getAnnotations()).containsEntry(Names.ROLLED_BACK, id.value());
        assertThat(pods("1.0.0")).isEqualTo(4);
        assertThat(pods("1.1.0")).isZero();
    }

    @Test
    void shouldRollBackWhenTheRolloutExceedsItsProgressDeadline() {
        world.controller.stall("shop");

        RolloutId id =
                world.engine.submit(world.request("shop", "rolling", SETTINGS).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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
        return client.apps().deployments().inNamespace(NS).withName("shop").get();
    }

    private static String image(Deployment deployment) {
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }
}
