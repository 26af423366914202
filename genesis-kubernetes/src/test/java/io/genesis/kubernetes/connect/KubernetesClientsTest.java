package io.genesis.kubernetes.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesClientsTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
              - name: dev
                cluster: {server: "https://127.0.0.1:6443"}
              - name: prod
                cluster: {server: "https://127.0.0.1:7443"}
            users:
              - name: deployer
                user: {token: kubeconfig-token}
            contexts:
              - name: dev
                context: {cluster: dev, user: deployer}
              - name: prod
                context: {cluster: prod, user: deployer, namespace: shop}
            """;

    private static final ClientSettings SETTINGS =
            new ClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(7), 1, Duration.ofMillis(100));

    KubernetesMockServer server;
    KubernetesClient mockClient;

    @TempDir
    Path dir;

    @Test
    void shouldReadTheNamedContextOfAKubeconfig() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);

        Config config = KubernetesClients.config(new Connection.Kubeconfig(file, "prod"), SETTINGS);

        assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:7443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("kubeconfig-token");
        assertThat(config.getRequestTimeout()).isEqualTo(7000);
        assertThat(config.getConnectionTimeout()).isEqualTo(3000);
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(1);
        assertThat(config.getRequestRetryBackoffInterval()).isEqualTo(100);
    }

    @Test
    void shouldRefuseAContextTheKubeconfigDoesNotHaveInsteadOfFallingBackToTheCurrentOne() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);

        assertThatThrownBy(() -> KubernetesClients.config(new Connection.Kubeconfig(file, "prd"), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubeconfig " + file + " has no context 'prd'; its contexts: dev, prod; fix: name one of"
                        + " them ('kubectl config get-contexts' lists them)");
    }

    @Test
    void shouldUseTheCurrentContextWhenNoneIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);

        Config config = KubernetesClients.config(new Connection.Kubeconfig(file, ""), SETTINGS);

        assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:6443/");
    }

    @Test
    void shouldSayWhenTheKubeconfigIsMissing() {
        assertThatThrownBy(() -> KubernetesClients.config(new Connection.Kubeconfig(dir.resolve("nope"), ""), SETTINGS))
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldFindTheStandardKubeconfig() {
        assertThat(Connection.Kubeconfig.standard(Map.of(), Path.of("/srv/ci"), "")
                        .file())
                .isEqualTo(Path.of("/srv/ci/.kube/config"));
        assertThat(Connection.Kubeconfig.standard(Map.of("KUBECONFIG", "/etc/k.yaml"), Path.of("/srv/ci"), "x")
                        .file())
                .isEqualTo(Path.of("/etc/k.yaml"));
    }

    @Test
    void shouldReadTheServiceAccountInCluster() throws IOException {
        Files.writeString(dir.resolve("token"), "sa-token\n");
        Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        Connection.InCluster inCluster = Connection.InCluster.fromEnvironment(
                Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", "443"), dir);

        Config config = KubernetesClients.config(inCluster, SETTINGS);

        assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:443/");
        assertThat(config.getOauthToken()).isEqualTo("sa-token");
        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("ca.crt").toString());
        assertThat(inCluster.describe()).doesNotContain("sa-token");
    }

    @Test
    void shouldExplainWhatInClusterNeeds() {
        assertThatThrownBy(() -> Connection.InCluster.fromEnvironment(Map.of(), dir))
                .hasMessageContaining("KUBERNETES_SERVICE_HOST");
        Connection.InCluster noToken = new Connection.InCluster(URI.create("https://127.0.0.1/"), dir);
        assertThatThrownBy(() -> KubernetesClients.config(noToken, SETTINGS))
                .hasMessageContaining("cannot read the service account token");
    }

    @Test
    void shouldEncodeAPemCaCertificateAndNeverPrintTheToken() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        Connection.Token token = new Connection.Token(URI.create("https://127.0.0.1:6443"), "s3cr3t", pem);

        Config config = KubernetesClients.config(token, ClientSettings.DEFAULT);

        assertThat(new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.US_ASCII))
                .isEqualTo(pem);
        assertThat(config.getMasterUrl()).isEqualTo("https://127.0.0.1:6443/");
        assertThat(token.toString()).doesNotContain("s3cr3t");
        assertThat(token.describe()).doesNotContain("s3cr3t");
    }

    @Test
    void shouldRefuseABlankTokenOrAnotherScheme() {
        assertThatThrownBy(() -> new Connection.Token(URI.create("https://127.0.0.1"), " ", ""))
                .hasMessageContaining("token must not be blank");
        assertThatThrownBy(() -> new Connection.Token(URI.create("ftp://127.0.0.1"), "t", ""))
                .hasMessageContaining("must start with https://");
    }

    @Test
    void shouldSendTheBearerTokenThroughTheOkHttpClient() throws InterruptedException {
        Connection.Token token = new Connection.Token(URI.create(server.url("/")), "t0ken", "");

        try (KubernetesClient client =
                KubernetesClients.open(token, ClientSettings.DEFAULT.withInsecureHttpAllowed(true))) {
            client.configMaps().inNamespace("test").list();
            assertThat(client.getHttpClient().getClass().getName()).contains("okhttp");
        }

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer t0ken");
    }

    @Test
    void shouldValidateSettings() {
        assertThatThrownBy(() -> new ClientSettings(Duration.ZERO, Duration.ofSeconds(1), 0, Duration.ofMillis(1)))
                .hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() ->
                        new ClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 11, Duration.ofMillis(1)))
                .hasMessageContaining("retries must be between 0 and 10, got 11");
    }
}
