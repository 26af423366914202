package io.genesis.kubernetes.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential goes over plain http only when allowed, and only to loopback; errors never show it. */
@EnableKubernetesMockClient(https = false, crud = true)
class TransportSecurityTest {

    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseABearerTokenOverPlainHttpAndSendNothing() {
        Connection.Token token = new Connection.Token(URI.create(server.url("/")), "hunter2-token", "");
        int before = server.getRequestCount();

        assertThatThrownBy(() -> KubernetesClients.open(token, ClientSettings.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is plain http")
                .hasMessageContaining("--allow-insecure-http")
                .message()
                .doesNotContain("hunter2");
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

    @Test
    void shouldSendItToLoopbackWhenAllowedAndSaySo() {
        Connection.Token token = new Connection.Token(URI.create(server.url("/")), "t0ken", "");

        try (KubernetesClient client =
                KubernetesClients.open(token, ClientSettings.DEFAULT.withInsecureHttpAllowed(true))) {
            assertThat(client.configMaps().inNamespace("test").list().getItems())
                    .isEmpty();
            assertThat(KubernetesClients.warnings(client))
                    .singleElement()
                    .asString()
                    .contains("reached over plain http");
        }
    }

    @Test
    void shouldNeverAllowPlainHttpBeyondLoopback() {
        Connection.Token token = new Connection.Token(URI.create("http://cluster.invalid:6443"), "t0ken", "");

        assertThatThrownBy(() -> KubernetesClients.config(token, ClientSettings.DEFAULT.withInsecureHttpAllowed(true)))
                .hasMessageContaining("not this machine's loopback");
    }

    @Test
    void shouldRefuseATokenFromAKubeconfigOverPlainHttp() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config"), kubeconfig(server.url("/"), "insecure-skip-tls-verify: false"));

        assertThatThrownBy(
                        () -> KubernetesClients.config(new Connection.Kubeconfig(file, "dev"), ClientSettings.DEFAULT))
                .hasMessageContaining("is plain http")
                .message()
                .doesNotContain("kubeconfig-hunter2");
    }

    @Test
    void shouldWarnWhenAKubeconfigTurnsTlsVerificationOff() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config"), kubeconfig("https://127.0.0.1:6443", "insecure-skip-tls-verify: true"));

        try (KubernetesClient client =
                KubernetesClients.open(new Connection.Kubeconfig(file, "dev"), ClientSettings.DEFAULT)) {
            assertThat(KubernetesClients.warnings(client))
                    .singleElement()
                    .asString()
                    .contains("TLS verification is off for the API server https://127.0.0.1:6443/")
                    .doesNotContain("kubeconfig-hunter2");
        }
    }

    @Test
    void shouldNotQuoteABrokenKubeconfigLine() throws IOException {
        Path file = Files.writeString(
                dir.resolve("config"),
                kubeconfig("https://127.0.0.1:6443", "x: y")
                        .replace("{token: kubeconfig-hunter2}", "token: kubeconfig-hunter2: x"));

        assertThatThrownBy(
                        () -> KubernetesClients.config(new Connection.Kubeconfig(file, "dev"), ClientSettings.DEFAULT))
                .hasMessageContaining("kubeconfig " + file + " cannot be read")
                .hasNoCause()
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseCredentialsInTheApiUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> new Connection.Token(URI.create("https://admin:hunter2@my_api:6443/"), "t", ""))
                .hasMessageContaining("must not carry credentials")
                .message()
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> new Connection.Token(URI.create("ftp://admin:hunter2@my_api/"), "t", ""))
                .message()
                .doesNotContain("hunter2");
    }

    private static String kubeconfig(String server, String tls) {
        return """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                  - name: dev
                    cluster: {server: "%s", %s}
                users:
                  - name: deployer
                    user: {token: kubeconfig-hunter2}
                contexts:
                  - name: dev
                    context: {cluster: dev, user: deployer}
                """.formatted(server, tls);
    }
}
