package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.adapter.KubernetesManifestsTest.CONFIG;
import static io.genesis.kubernetes.adapter.KubernetesManifestsTest.SHOP;
import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Workloads.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's plans on a target with a manifest folder: the folder goes in with the candidate,
 * once per rollout, and stays when the rollout is rolled back. {@link CreateOrUpdateWriter} stands in
 * for server-side apply, which the mock refuses.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ManifestsEndToEndITest {

    KubernetesClient client;

    @TempDir
    Path folder;

    private CreateOrUpdateWriter writer;
    private EngineOnCluster world;

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldRollEveryPodThroughTheAppliedDeploymentOnce() throws IOException {
        startRolling();

        DeploymentRecord record = world.run(world.request("shop", "rolling", settings("rolling")));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(writer.calls)
                .as("applied with the first of four batches only")
                .containsExactly(
                        "dry-run ConfigMap/shop-config",
                        "dry-run Deployment/shop",
                        "write ConfigMap/shop-config",
                        "write Deployment/shop");
        assertThat(image(shop())).isEqualTo("reg/shop:1.1.0");
        assertThat(ClusterView.throughService(client, NS, "shop").pods("1.1.0")).isEqualTo(4);
        assertThat(config()).isNotNull();
    }

    @Test
    void shouldUndoThePodTemplateAndKeepTheAppliedObjectsOnABreach() throws IOException {
        startRolling();
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);

        DeploymentRecord record = world.run(world.request("shop", "custom", settings("rolling"))
                .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(ClusterView.throughService(client, NS, "shop").pods("1.0.0")).isEqualTo(4);
        assertThat(config().getData()).containsEntry("mode", "production");
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).contains("stay as they were applied"));
    }

    @Test
    void shouldApplyTheConfigMapAndSwitchBlueGreen() throws IOException {
        createBlueGreen(client, 2);
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        start();

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("blueGreen")));

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(config().getData()).containsEntry("mode", "production");
        assertThat(ClusterView.throughService(client, NS, "shop").trafficTo("1.1.0"))
                .isEqualTo(100.0);
    }

    private void startRolling() throws IOException {
        createRolling(client, "reg/shop:1.0.0", 4);
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        Files.writeString(folder.resolve("deployment.yaml"), SHOP.formatted("shop", "reg/shop:latest"));
        start();
    }

    private void start() {
        writer = new CreateOrUpdateWriter(client);
        world = new EngineOnCluster(client, new InMemoryRolloutLock(), writer);
        world.simulate(Timings.realistic());
    }

    private Map<String, String> settings(String strategy) {
        return Fixtures.settings("strategy", strategy, "manifests", folder.toString());
    }

    private Deployment shop() {
        return new Workloads(client).deployment("shop");
    }

    private ConfigMap config() {
        return new Workloads(client).configMap("shop-config");
    }
}
