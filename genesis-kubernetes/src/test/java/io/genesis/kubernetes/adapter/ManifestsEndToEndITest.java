package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
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

    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              mode: production
            """;

    private static final String SHOP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
              labels: {app: shop}
            spec:
              replicas: 4
              progressDeadlineSeconds: 600
              selector:
                matchLabels: {app: shop}
              template:
                metadata:
                  labels: {app: shop}
                spec:
                  containers:
                    - name: web
                      image: reg/shop:latest
                      envFrom:
                        - configMapRef: {name: shop-config}
            """;

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

        RolloutId id = world.engine.submit(
                world.request("shop", "rolling", settings("rolling")).build());
        world.drive();

        DeploymentRecord record = world.record(id);
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

        RolloutId id = world.engine.submit(world.request("shop", "custom", settings("rolling"))
                .customSteps(StepParser.parse("batch 25; analyse 2m; batch 50; batch 75; batch 100; promote"))
                .build());
        world.drive();

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(ClusterView.throughService(client, NS, "shop").pods("1.0.0")).isEqualTo(4);
        assertThat(config().getData()).containsEntry("mode", "production");
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).contains("stay as they were applied"));
    }

    @Test
    void shouldApplyTheConfigMapAndSwitchBlueGreen() throws IOException {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop-blue", labels("app", "shop", "slot", "blue"), "reg/shop:1.0.0", 2))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", labels("app", "shop", "slot", "blue")))
                .create();
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        start();

        RolloutId id = world.engine.submit(
                world.request("shop", "blueGreen", settings("blueGreen")).build());
        world.drive();

        assertThat(world.record(id).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(config().getData()).containsEntry("mode", "production");
        assertThat(ClusterView.throughService(client, NS, "shop").trafficTo("1.1.0"))
                .isEqualTo(100.0);
    }

    private void startRolling() throws IOException {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop", labels("app", "shop"), "reg/shop:1.0.0", 4))
                .create();
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        Files.writeString(folder.resolve("deployment.yaml"), SHOP);
        start();
    }

    private void start() {
        writer = new CreateOrUpdateWriter(client);
        world = new EngineOnCluster(client, new InMemoryRolloutLock(), writer).start();
    }

    private Map<String, String> settings(String strategy) {
        return Map.of(
                "namespace",
                NS,
                "deployment",
                "shop",
                "image",
                "reg/shop:1.1.0",
                "strategy",
                strategy,
                "manifests",
                folder.toString());
    }

    private Deployment shop() {
        return client.apps().deployments().inNamespace(NS).withName("shop").get();
    }

    private ConfigMap config() {
        return client.configMaps().inNamespace(NS).withName("shop-config").get();
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
