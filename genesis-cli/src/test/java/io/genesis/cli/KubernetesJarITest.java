package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.RealTimeCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar against the mock API server, one process per command: the rollback process knows the
 * cluster only from the kubeconfig path and context the deploy process stored.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesJarITest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void shouldRollBackFromAnotherProcessWhatOneProcessDeployed() throws Exception {
        Path kubeconfig = MockCluster.kubeconfig(dir, server);
        createBlueGreen(client, 2);
        GenesisJar genesis = GenesisJar.in(dir);

        // The jar runs in a JVM of its own, on the wall clock: the simulated cluster in real time.
        try (RealTimeCluster cluster = RealTimeCluster.start(client, NS)) {
            GenesisJar.Result deployed = genesis.run(
                    "deploy",
                    "--application",
                    "shop",
                    "--environment",
                    "staging",
                    "--commit",
                    "a1b2c3d",
                    "--version",
                    "1.1.0",
                    "--target",
                    "kubernetes",
                    "--kubeconfig",
                    kubeconfig.toString(),
                    // The mock API server speaks plain http on loopback; the rollback reads this from the state.
                    "--allow-insecure-http",
                    "--namespace",
                    NS,
                    "--image",
                    "reg/shop:1.1.0",
                    // Wall-clock test: the rolled-back candidate is retired at once, not 30 s later.
                    "--target-option",
                    "scaleDownDelaySeconds=0",
                    "--steps",
                    "deploy; smoke; promote; scaleDown 1h");

            assertThat(deployed.exitCode())
                    .as(deployed.out() + deployed.err() + cluster.faults())
                    .isZero();
            assertThat(MockCluster.selector(client)).containsEntry("slot", "green");

            GenesisJar.Result rolledBack = genesis.run(
                    "rollback", "--application", "shop", "--environment", "staging", "--reason", "INC-11: errors");

            assertThat(rolledBack.exitCode())
                    .as(rolledBack.out() + rolledBack.err())
                    .isZero();
            assertThat(rolledBack.out()).contains("genesis rollback: shop 1.1.0 in staging ROLLED_BACK");
            assertThat(MockCluster.selector(client)).containsEntry("slot", "blue");
        }
    }
}
