package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.kubernetes.testing.DeploymentController;
import io.genesis.kubernetes.testing.NoRetries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters: [{name: mock, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: deployer, user: {token: not-checked-by-the-mock}}]
                contexts: [{name: mock, context: {cluster: mock, user: deployer}}]
                """.formatted(server.getPort()));
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop-blue", labels("app", "shop", "slot", "blue"), "reg/shop:1.0.0", 2))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", labels("app", "shop", "slot", "blue")))
                .create();
        GenesisJar genesis = GenesisJar.in(dir);

        try (DeploymentController controller = new DeploymentController(client, NS).start()) {
            controller.reconcileAll();
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
                    "--namespace",
                    NS,
                    "--image",
                    "reg/shop:1.1.0",
                    "--steps",
                    "deploy; smoke; promote; scaleDown 1h");

            assertThat(deployed.exitCode()).as(deployed.out() + deployed.err()).isZero();
            assertThat(selector()).containsEntry("slot", "green");

            GenesisJar.Result rolledBack = genesis.run(
                    "rollback", "--application", "shop", "--environment", "staging", "--reason", "INC-11: errors");

            assertThat(rolledBack.exitCode())
                    .as(rolledBack.out() + rolledBack.err())
                    .isZero();
            assertThat(rolledBack.out()).contains("genesis rollback: shop 1.1.0 in staging ROLLED_BACK");
            assertThat(selector()).containsEntry("slot", "blue");
        }
    }

    private Map<String, String> selector() {
        return client.services()
                .inNamespace(NS)
                .withName("shop")
                .get()
                .getSpec()
                .getSelector();
    }
}
