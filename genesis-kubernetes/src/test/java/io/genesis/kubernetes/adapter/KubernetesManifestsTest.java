package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Workloads.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.manifest.ManifestWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code manifests} setting: the folder is applied with the candidate's image before the
 * strategy deploys it. Server-side apply gets 415 from the mock, so {@link CreateOrUpdateWriter}
 * stands in for it (its request shape is pinned by {@code ServerSideApplyWriterTest}).
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesManifestsTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    private static final DeploymentContext CONTEXT =
            new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    /** A ConfigMap the shop's pods read; {@link ManifestsEndToEndITest} applies it too. */
    static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-config
            data:
              mode: production
            """;

    /** A Deployment of the shop that reads {@link #CONFIG}; format it with its name and image. */
    static final String SHOP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
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
                      image: %s
                      envFrom:
                        - configMapRef: {name: shop-config}
            """;

    KubernetesClient client;

    @TempDir
    Path folder;

    private final List<String> events = new ArrayList<>();
    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private CreateOrUpdateWriter writer;

    /** On the simulated cluster (realistic timings, the test's clock), its namespace created. */
    @BeforeEach
    void setUp() {
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        writer = new CreateOrUpdateWriter(client);
    }

    /** Lets the cluster's controllers run for 5 simulated minutes: a rolling update of 4 pods takes about 2. */
    private void settle() {
        cluster.elapse(Duration.ofMinutes(5));
    }

    @Test
    void shouldRollThroughTheAppliedDeploymentAndFollowItsStatus() throws IOException {
        createRolling();
        // The Deployment's file sorts first, yet it goes last: its new pods read the ConfigMap.
        Files.writeString(folder.resolve("10-deployment.yaml"), SHOP.formatted("shop", "reg/shop:latest"));
        Files.writeString(folder.resolve("20-config.yaml"), CONFIG);
        DeploymentTarget target = open(rolling());
        RequestLog.clear();

        target.deployCandidate(CONTEXT);

        assertThat(writer.calls)
                .containsExactly(
                        "dry-run ConfigMap/shop-config",
                        "dry-run Deployment/shop",
                        "write ConfigMap/shop-config",
                        "write Deployment/shop");
        assertThat(RequestLog.requests())
                .as("the apply was the update: no image patch afterwards")
                .noneMatch(r -> r.startsWith("PATCH "));
        Deployment shop = shop();
        assertThat(image(shop)).isEqualTo("reg/shop:1.1.0");
        assertThat(shop.getMetadata().getAnnotations())
                .containsEntry(Names.ROLLOUT, "rollout-1")
                .containsEntry(Names.VERSION, "1.1.0")
                .containsEntry(Names.PREVIOUS_REVISION, "1");
        assertThat(shop.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal())
                .isEqualTo("25%");
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .contains("applied 2 object(s)")
                        .endsWith("ConfigMap shop-config," + " Deployment shop"))
                .anySatisfy(e -> assertThat(e).contains("Genesis follows its status"));
        assertThat(target.health(CONTEXT).state()).isEqualTo(Health.State.PROGRESSING);

        settle();

        assertThat(target.health(CONTEXT).isHealthy()).isTrue();
        assertThat(target.smokeCheck(CONTEXT).isHealthy()).isTrue();
        target.promote(CONTEXT);
        ClusterView pods = ClusterView.throughService(client, NS, "shop");
        assertThat(pods.pods("1.1.0")).isEqualTo(4);
        assertThat(pods.runs("1.0.0")).as("the old ReplicaSet's pods are gone").isFalse();
    }

    @Test
    void shouldKeepTheRevisionToReturnToWhenDeployCandidateIsRepeated() throws IOException {
        createRolling();
        Files.writeString(folder.resolve("app.yaml"), CONFIG + "---\n" + SHOP.formatted("shop", "reg/shop:latest"));
        DeploymentTarget target = open(rolling());
        target.deployCandidate(CONTEXT);
        settle();

        target.deployCandidate(CONTEXT);
        settle();

        Deployment shop = shop();
        assertThat(shop.getMetadata().getAnnotations())
                .containsEntry(Names.PREVIOUS_REVISION, "1")
                .containsEntry(Names.REVISION, "2");
        assertThat(image(shop)).isEqualTo("reg/shop:1.1.0");
        assertThat(config().getData()).containsEntry("mode", "production");

        target.rollback(CONTEXT);
        settle();

        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
        assertThat(config()).as("applied objects stay after a rollback").isNotNull();
        assertThat(events).last().asString().contains("objects applied from " + folder + " stay");
    }

    @Test
    void shouldApplyTheFolderWithTheFirstRollingBatchOnly() throws IOException {
        createRolling();
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        DeploymentTarget target = open(rolling());
        RollingBounds bounds = new RollingBounds(new Percentage(50), Percentage.ZERO);

        target.rollingUpdater().orElseThrow().rollTo(CONTEXT, new Percentage(50), bounds);
        target.rollingUpdater().orElseThrow().rollTo(CONTEXT, Percentage.HUNDRED, bounds);

        assertThat(writer.calls).containsExactly("dry-run ConfigMap/shop-config", "write ConfigMap/shop-config");
        assertThat(image(shop()))
                .as("without the Deployment in the folder, rolling patches the image")
                .isEqualTo("reg/shop:1.1.0");
        assertThat(shop().getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxSurge()
                        .getStrVal())
                .isEqualTo("50%");
    }

    @Test
    void shouldGiveTheAppliedDeploymentTheBoundsOfTheBatch() throws IOException {
        createRolling();
        Files.writeString(folder.resolve("shop.yaml"), SHOP.formatted("shop", "reg/shop:0.9.0"));
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        DeploymentTarget target = open(rolling());

        target.rollingUpdater()
                .orElseThrow()
                .rollTo(CONTEXT, new Percentage(50), new RollingBounds(new Percentage(50), new Percentage(10)));

        assertThat(shop().getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxSurge()
                        .getStrVal())
                .isEqualTo("50%");
        assertThat(shop().getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getStrVal())
                .isEqualTo("10%");
        assertThat(image(shop())).isEqualTo("reg/shop:1.1.0");
    }

    @Test
    void shouldRefuseARollingDeploymentWhoseImageCannotBeSubstituted() throws IOException {
        createRolling();
        Files.writeString(folder.resolve("shop.yaml"), SHOP.formatted("shop", "other/shop:1.0.0"));

        assertThatThrownBy(() -> open(rolling()).deployCandidate(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("manifest " + folder.resolve("shop.yaml"))
                .hasMessageContaining("runs image other/shop:1.0.0")
                .hasMessageContaining("write the image as reg/shop:<any tag>");
        assertThat(writer.calls).isEmpty();
        assertThat(image(shop())).isEqualTo("reg/shop:1.0.0");
    }

    @Test
    void shouldApplyTheConfigMapBeforeDeployingTheIdleSlotAndSwitch() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        DeploymentTarget target = open(blueGreen());
        RequestLog.clear();

        target.deployCandidate(CONTEXT);

        List<String> requests = RequestLog.requests();
        assertThat(requests.indexOf("POST /apis/apps/v1/namespaces/test/deployments"))
                .as("the slot is created after the ConfigMap was written")
                .isGreaterThan(requests.indexOf("POST /api/v1/namespaces/test/configmaps"))
                .isPositive();
        assertThat(config().getData()).containsEntry("mode", "production");
        settle();
        assertThat(target.smokeCheck(CONTEXT).isHealthy()).isTrue();
        target.promote(CONTEXT);
        assertThat(activeSlot()).isEqualTo("green");

        target.rollback(CONTEXT);

        assertThat(activeSlot()).isEqualTo("blue");
        assertThat(config().getData()).containsEntry("mode", "production");
        assertThat(events).last().asString().contains("stay as they were applied");
    }

    @Test
    void shouldApplyAgainHarmlesslyWhenDeployCandidateIsRepeated() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("config.yaml"), CONFIG);
        DeploymentTarget target = open(blueGreen());
        target.deployCandidate(CONTEXT);
        String green = green().getMetadata().getResourceVersion();

        target.deployCandidate(CONTEXT);

        assertThat(writer.calls).filteredOn(c -> c.startsWith("write")).hasSize(2);
        assertThat(config().getData()).isEqualTo(Map.of("mode", "production"));
        assertThat(green().getMetadata().getResourceVersion())
                .as("the candidate slot is not written twice")
                .isEqualTo(green);
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems())
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("shop-blue", "shop-green");
    }

    @Test
    void shouldRefuseAManagedSlotBeforeWritingAnything() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("a-config.yaml"), CONFIG);
        Files.writeString(folder.resolve("b-slots.yaml"), SHOP.formatted("shop-green", "reg/shop:1.0.0"));

        assertThatThrownBy(() -> open(blueGreen()).deployCandidate(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("manifest " + folder.resolve("b-slots.yaml"))
                .hasMessageContaining("manages Deployment shop-green itself")
                .hasMessageContaining("remove it from the folder")
                .hasMessageContaining("nothing was written");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseAServiceThatPinsTheSlot() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: shop
                spec:
                  selector: {app: shop, slot: blue}
                  ports: [{port: 80, targetPort: 8080}]
                """);

        assertThatThrownBy(() -> open(blueGreen()).deployCandidate(CONTEXT))
                .hasMessageContaining("Service shop selects slot: blue")
                .hasMessageContaining("remove slot from the selector in the manifest");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseTheTracksOfACanary() throws IOException {
        createCanary(client, labels("app", "shop"));
        Files.writeString(folder.resolve("canary.yaml"), SHOP.formatted("shop-canary", "reg/shop:1.0.0"));
        Map<String, String> settings = new HashMap<>(blueGreen());
        settings.put("strategy", "canary");

        assertThatThrownBy(() -> open(settings).deployCandidate(CONTEXT))
                .hasMessageContaining("canary test/shop manages Deployment shop-canary itself");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("shop-canary")
                        .get())
                .isNull();
    }

    @Test
    void shouldChangeNothingAndNameTheFileOfBrokenYaml() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("a-config.yaml"), CONFIG);
        Files.writeString(folder.resolve("b-broken.yaml"), "kind: ConfigMap\nmetadata: [unclosed\n");

        assertThatThrownBy(() -> open(blueGreen()).deployCandidate(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("manifest " + folder.resolve("b-broken.yaml") + " is not valid YAML");
        assertNothingWritten();
    }

    @Test
    void shouldChangeNothingWhenADryRunFailsAndNameTheFileAndObject() throws IOException {
        createBlueGreen();
        Files.writeString(folder.resolve("a-config.yaml"), CONFIG);
        Files.writeString(
                folder.resolve("b-quota.yaml"),
                "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: shop\nspec:\n  hard: {pods: \"-1\"}\n");
        ManifestWriter rejecting = (object, namespace, dryRun) -> {
            if (dryRun && "ResourceQuota".equals(object.getKind())) {
                throw new IllegalStateException("spec.hard[pods]: Invalid value: must be non-negative");
            }
            return writer.write(object, namespace, dryRun);
        };

        assertThatThrownBy(() -> new KubernetesTargetFactory(client, events::add, rejecting)
                        .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, blueGreen()))
                        .deployCandidate(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("dry run of ResourceQuota shop (from " + folder.resolve("b-quota.yaml") + ")")
                .hasMessageContaining("nothing from " + folder + " was written")
                .hasMessageContaining("must be non-negative");
        assertNothingWritten();
    }

    @Test
    void shouldReadTheManifestsSetting() {
        createBlueGreen();
        Map<String, String> blank = new HashMap<>(blueGreen());
        blank.put("manifests", " ");
        Map<String, String> invalid = new HashMap<>(blueGreen());
        invalid.put("manifests", "bad\0path");
        Map<String, String> missing = new HashMap<>(blueGreen());
        missing.put("manifests", folder.resolve("missing").toString());

        open(blank).deployCandidate(CONTEXT);

        assertThat(writer.calls).isEmpty();
        assertThatThrownBy(() -> open(invalid)).hasMessageContaining("manifests must be the path of a folder");
        DeploymentTarget withoutFolder = open(missing);
        assertThatThrownBy(() -> withoutFolder.deployCandidate(CONTEXT)).hasMessageContaining("does not exist");
        withoutFolder.rollback(CONTEXT);
        assertThat(activeSlot()).isEqualTo("blue");
    }

    private void assertNothingWritten() {
        assertThat(writer.calls).noneMatch(c -> c.startsWith("write"));
        assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems())
                .as("no candidate Deployment beside stable")
                .hasSize(1);
    }

    private void createRolling() {
        Fixtures.createRolling(client, "reg/shop:1.0.0", 4);
        settle();
    }

    private void createBlueGreen() {
        Fixtures.createBlueGreen(client, 2);
        settle();
    }

    private Map<String, String> rolling() {
        return Fixtures.settings("manifests", folder.toString(), "strategy", "rolling");
    }

    private Map<String, String> blueGreen() {
        return Fixtures.settings("manifests", folder.toString());
    }

    private DeploymentTarget open(Map<String, String> settings) {
        return new KubernetesTargetFactory(client, events::add, writer)
                .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, settings));
    }

    private Deployment shop() {
        return new Workloads(client).deployment("shop");
    }

    private Deployment green() {
        return new Workloads(client).deployment("shop-green");
    }

    private ConfigMap config() {
        return new Workloads(client).configMap("shop-config");
    }

    private String activeSlot() {
        return new Workloads(client).selector("shop").get("slot");
    }
}
