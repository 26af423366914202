package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fabric8 mock API server as the command line meets it in the Kubernetes tests: reached through a
 * kubeconfig file, like a cluster, and judged by where Service {@code shop} sends the traffic.
 */
final class MockCluster {

    private MockCluster() {}

    /** Writes {@code dir/kubeconfig}, whose current context {@code mock} reaches {@code server} on loopback. */
    static Path kubeconfig(Path dir, KubernetesMockServer server) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters: [{name: mock, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: deployer, user: {token: not-checked-by-the-mock}}]
                contexts: [{name: mock, context: {cluster: mock, user: deployer}}]
                """.formatted(server.getPort()));
    }

    /** The selector of Service {@code shop}: with blue-green, which slot gets the traffic. */
    static Map<String, String> selector(KubernetesClient client) {
        return client.services()
                .inNamespace(NS)
                .withName("shop")
                .get()
                .getSpec()
                .getSelector();
    }
}
