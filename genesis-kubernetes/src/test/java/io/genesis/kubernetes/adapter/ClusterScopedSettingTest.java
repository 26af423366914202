package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target setting {@code allowClusterScoped} decides whether a manifest folder may reach beyond its namespace. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ClusterScopedSettingTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "production");
    private static final DeploymentContext CONTEXT =
            new DeploymentContext("rollout-1", KEY, new Version("1.1.0"), "abcdef1");

    KubernetesClient client;

    @TempDir
    Path folder;

    private CreateOrUpdateWriter writer;

    /** On the simulated cluster (realistic timings, the test's clock): shop's 2 pods ready before each test. */
    @BeforeEach
    void setUp() throws IOException {
        writer = new CreateOrUpdateWriter(client);
        Fixtures.createRolling(client, "reg/shop:1.0.0", 2);
        SimulatedCluster.settled(client, NS, new ManualClock(EngineOnCluster.T0), Timings.realistic());
        Files.writeString(folder.resolve("rbac.yaml"), """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: shop-reader}
                rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
                """);
    }

    @Test
    void shouldRefuseClusterScopedObjectsByDefault() {
        assertThatThrownBy(() -> open(Map.of()).deployCandidate(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("ClusterRole shop-reader is cluster-scoped");
        assertThat(writer.calls).isEmpty();
    }

    @Test
    void shouldApplyThemWhenTheTargetAllowsThem() {
        open(Map.of("allowClusterScoped", "true")).deployCandidate(CONTEXT);

        assertThat(writer.calls).contains("write ClusterRole/shop-reader");
        assertThat(client.rbac().clusterRoles().withName("shop-reader").get()).isNotNull();
    }

    @Test
    void shouldRefuseAValueThatIsNotTrueOrFalse() {
        assertThatThrownBy(() -> open(Map.of("allowClusterScoped", "yes")))
                .hasMessage("allowClusterScoped must be true or false, got 'yes'");
    }

    private DeploymentTarget open(Map<String, String> more) {
        Map<String, String> settings =
                new HashMap<>(Fixtures.settings("manifests", folder.toString(), "strategy", "rolling"));
        settings.putAll(more);
        return new KubernetesTargetFactory(client, line -> {}, writer)
                .open(KEY, new TargetSpec(KubernetesTargetFactory.KIND, settings));
    }
}
