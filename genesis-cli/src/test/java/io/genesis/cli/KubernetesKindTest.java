package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.kubernetes.adapter.KubernetesRolloutLock;
import io.genesis.kubernetes.connect.ClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes kind without a cluster: nothing here sends a request (the kubeconfig points at a closed port). */
class KubernetesKindTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "production");

    @TempDir
    Path dir;

    private Path kubeconfig;
    private KubernetesKind kind;

    @BeforeEach
    void setUp() throws IOException {
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters: [{name: prod, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: deployer, user: {token: kubeconfig-token}}]
                contexts: [{name: prod, context: {cluster: prod, user: deployer}}]
                """);
        kind = new KubernetesKind(new KubernetesAccess(Map.of(), dir, dir), ClientSettings.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        kind.close();
    }

    private Map<String, String> settings(String... more) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(
                Map.of("kubeconfig", kubeconfig.toString(), "namespace", "prod", "image", "reg/shop:1.4.0"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void shouldStoreWhereTheClusterIsAndTheTargetsSettingsWithTheApplicationAsDeployment() {
        List<String> log = new ArrayList<>();

        TargetSpec spec = kind.newTarget(KEY, new Version("1.4.0"), settings(), log::add);

        assertThat(spec.kind()).isEqualTo("kubernetes");
        assertThat(spec.settings())
                .isEqualTo(Map.of(
                        "kubeconfig", kubeconfig.toString(),
                        "context", "prod",
                        "namespace", "prod",
                        "deployment", "shop",
                        "image", "reg/shop:1.4.0"));
        assertThat(log)
                .containsExactly("kubernetes blue-green prod/shop with image reg/shop:1.4.0, reached with kubeconfig "
                        + kubeconfig + " context 'prod'; the lock of shop in production is a Lease in namespace prod");
        assertThat(kind.open(KEY, spec).describe()).isEqualTo("kubernetes blue-green prod/shop");
        assertThat(kind.lock(spec)).containsInstanceOf(KubernetesRolloutLock.class);
    }

    @Test
    void shouldGiveTheChosenStrategyToTheTargetAndRefuseAnotherOne() {
        assertThat(kind.withStrategy("rolling", settings())).containsEntry("strategy", "rolling");
        assertThat(kind.withStrategy("custom", settings("strategy", "canary"))).containsEntry("strategy", "canary");
        assertThat(kind.withStrategy("custom", settings())).doesNotContainKey("strategy");
        assertThatThrownBy(() -> kind.withStrategy("rolling", settings("strategy", "blueGreen")))
                .hasMessage("--strategy rolling and the kubernetes setting strategy=blueGreen disagree; the setting"
                        + " only chooses the layout (blueGreen, canary or rolling) of a --steps plan: drop it, or make"
                        + " the two agree");
    }

    @Test
    void shouldLetTheFactoryRefuseSettingsAndSayWhereTheyComeFrom() {
        Map<String, String> noImage = settings();
        noImage.remove("image");

        assertThatThrownBy(() -> kind.check(KEY, noImage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kubernetes target setting 'image' is required")
                .hasMessageEndingWith("--app-label, --container, --http-route");
        assertThatThrownBy(() -> kind.check(KEY, settings("strategy", "linear")))
                .hasMessageContaining("strategy 'linear' is not known; known: blueGreen, canary, rolling");
        kind.check(KEY, settings("strategy", "canary", "httpRoute", "shop"));
    }

    @Test
    void shouldKnowTheAccessAndTheFactorysSettings() {
        assertThat(kind.settingNames())
                .contains("kubeconfig", "context", "inCluster", "apiUrl", "tokenEnv", "tokenFile", "caFile")
                .contains("namespace", "deployment", "image", "strategy", "httpRoute", "activeService")
                .doesNotContain("kind", "token");
        assertThat(kind.livesInProcess()).isFalse();
    }

    @Test
    void shouldHaveNoMetricSourceOfItsOwn() {
        TargetSpec spec = kind.newTarget(KEY, new Version("1.4.0"), settings(), line -> {});

        assertThat(kind.metricsFor(KEY, spec)).isEmpty();
        assertThatThrownBy(() -> kind.openMetrics(MetricSpec.of("kubernetes")))
                .hasMessageContaining("the kubernetes target has no metric source of its own");
    }

    @Test
    void shouldNeedANamespaceForItsLock() {
        assertThatThrownBy(() -> kind.lock(new TargetSpec("kubernetes", Map.of("kubeconfig", kubeconfig.toString()))))
                .hasMessageContaining("names no namespace, where its lock (a Lease) lives");
    }
}
