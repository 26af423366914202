package io.jenkins.plugins.genesis.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.genesis.kubernetes.connect.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential's secret becomes a fabric8 client that really reaches the API server: the fabric8 mock
 * in CRUD mode on 127.0.0.1, behind https on 127.0.0.1 ({@link TlsFront}) whose certificate the tests
 * give as the CA; host names are checked as in production.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesConnectorTest {

    static final String TOKEN = "s3cr3t-token-value";
    static final ClientSettings SETTINGS =
            new ClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 0, Duration.ofMillis(100));

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private TlsFront front;
    private String ca;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        front = TlsFront.start(server.getPort(), dir);
        ca = front.caPem();
        url = "https://127.0.0.1:" + front.port();
    }

    @AfterEach
    void tearDown() throws Exception {
        front.close();
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .addToData("written", "by genesis")
                .build();
    }

    private KubernetesClient open(ConnectionChoice.Credential choice, ClusterSecret secret) {
        return new KubernetesConnector(SETTINGS).open(choice, id -> secret);
    }

    @Test
    void shouldReachTheServerWithTheTokenOverTlsCheckedAgainstTheGivenCa() throws Exception {
        // given
        ConnectionChoice.Credential choice = new ConnectionChoice.Credential("kube-token", url, ca, "");

        // when
        try (KubernetesClient opened = open(choice, new ClusterSecret.Token("kube-token", TOKEN))) {
            opened.configMaps()
                    .inNamespace("shop")
                    .resource(configMap("written"))
                    .create();
        }

        // then: the write is in the cluster, and it carried the token
        assertThat(client.configMaps()
                        .inNamespace("shop")
                        .withName("written")
                        .get()
                        .getData())
                .containsEntry("written", "by genesis");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void shouldRefuseAServerWhoseCertificateTheCaDidNotSign() throws Exception {
        // given: a CA that signed nothing this server presents
        String other = TlsFront.unrelatedCa();
        assertThat(other).isNotEqualTo(ca);
        ConnectionChoice.Credential choice = new ConnectionChoice.Credential("kube-token", url, other, "");

        // when / then
        try (KubernetesClient opened = open(choice, new ClusterSecret.Token("kube-token", TOKEN))) {
            assertThatThrownBy(() -> opened.configMaps().inNamespace("shop").list())
                    .hasStackTraceContaining("PKIX")
                    .satisfies(e -> assertThat(messages(e)).doesNotContain(TOKEN));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldReachTheServerWithASelfContainedKubeconfig() throws Exception {
        // given
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: other
                clusters:
                  - name: mock
                    cluster: {server: "%s", certificate-authority-data: "%s"}
                  - name: other
                    cluster: {server: "https://127.0.0.1:1"}
                users: [{name: deployer, user: {token: "%s"}}]
                contexts:
                  - {name: mock, context: {cluster: mock, user: deployer}}
                  - {name: other, context: {cluster: other, user: deployer}}
                """.formatted(url, java.util.Base64.getEncoder().encodeToString(ca.getBytes()), TOKEN);
        ConnectionChoice.Credential choice = new ConnectionChoice.Credential("kube-config", null, "", "mock");

        // when
        try (KubernetesClient opened = open(choice, new ClusterSecret.Kubeconfig("kube-config", kubeconfig))) {
            opened.configMaps()
                    .inNamespace("shop")
                    .resource(configMap("from-kubeconfig"))
                    .create();
        }

        // then
        assertThat(client.configMaps()
                        .inNamespace("shop")
                        .withName("from-kubeconfig")
                        .get())
                .isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void shouldRefuseSettingsThatDoNotFitTheCredentialsKindNamingTheIdAndTheFix() {
        assertThatThrownBy(() -> KubernetesConnector.connection(
                        new ConnectionChoice.Credential("kube-config", url, "", ""),
                        new ClusterSecret.Kubeconfig("kube-config", "apiVersion: v1")))
                .hasMessage("credential 'kube-config' is a kubeconfig, which names its own server and CA; fix: remove"
                        + " serverUrl and caCertificate, or store a bearer token as secret text instead");
        assertThatThrownBy(() -> KubernetesConnector.connection(
                        new ConnectionChoice.Credential("kube-token", null, "", ""),
                        new ClusterSecret.Token("kube-token", TOKEN)))
                .hasMessageStartingWith("credential 'kube-token' is a bearer token, which needs the API server; fix:"
                        + " set serverUrl");
        assertThatThrownBy(() -> KubernetesConnector.connection(
                        new ConnectionChoice.Credential("kube-token", url, "", "prod"),
                        new ClusterSecret.Token("kube-token", TOKEN)))
                .hasMessage("credential 'kube-token' is a bearer token, and context is for a kubeconfig; fix: remove"
                        + " context");
    }

    @Test
    void shouldNeverShowTheSecret() {
        assertThat(new ClusterSecret.Token("kube-token", TOKEN).toString())
                .isEqualTo("Token[credentialsId=kube-token, token=****]");
        assertThat(new ClusterSecret.Kubeconfig("kube-config", "token: " + TOKEN).toString())
                .isEqualTo("Kubeconfig[credentialsId=kube-config, content=****]");
        assertThat(KubernetesConnector.connection(
                                new ConnectionChoice.Credential("kube-token", url, ca, ""),
                                new ClusterSecret.Token("kube-token", TOKEN))
                        .toString())
                .doesNotContain(TOKEN);
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
