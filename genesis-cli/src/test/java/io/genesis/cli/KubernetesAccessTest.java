package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.kubernetes.connect.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesAccessTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
              - {name: dev, cluster: {server: "https://127.0.0.1:6443"}}
              - {name: prod, cluster: {server: "https://127.0.0.1:7443"}}
            users:
              - {name: deployer, user: {token: kubeconfig-token}}
            contexts:
              - {name: dev, context: {cluster: dev, user: deployer}}
              - {name: prod, context: {cluster: prod, user: deployer}}
            """;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private Path home;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        work = Files.createDirectories(dir.resolve("work"));
    }

    private KubernetesAccess access() {
        return new KubernetesAccess(environment, home, work);
    }

    @Test
    void shouldUseTheKubeconfigKubectlWouldAndPinItsCurrentContext() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);
        environment.put("KUBECONFIG", file.toString());

        Map<String, String> stored = access().resolve(Map.of("namespace", "prod"));

        assertThat(stored).isEqualTo(Map.of("kubeconfig", file.toString(), "context", "dev"));
        assertThat(access().connect(stored)).isEqualTo(new Connection.Kubeconfig(file, "dev"));
        assertThat(KubernetesAccess.describe(stored)).isEqualTo("kubeconfig " + file + " context 'dev'");
    }

    @Test
    void shouldFindTheKubeconfigInTheHomeDirectoryAndRelativeToTheWorkingDirectory() throws IOException {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), KUBECONFIG);
        Files.writeString(work.resolve("ci.yaml"), KUBECONFIG);

        assertThat(access().resolve(Map.of()))
                .containsEntry("kubeconfig", home.resolve(".kube/config").toString());
        assertThat(access().resolve(Map.of("kubeconfig", "~/.kube/config", "context", "prod")))
                .containsEntry("kubeconfig", home.resolve(".kube/config").toString())
                .containsEntry("context", "prod");
        assertThat(access().resolve(Map.of("kubeconfig", "ci.yaml")))
                .containsEntry("kubeconfig", work.resolve("ci.yaml").toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "current-context: dev\\ncontexts: []\\n|has no context 'dev'; its contexts: none",
                "contexts:\\n  - {name: a}\\n  - {name: b}\\n|names no current context; fix: pass --context NAME (its"
                        + " contexts: a, b)",
                "'[unclosed'|cannot be read as a kubeconfig (",
            })
    void shouldRefuseAKubeconfigWithoutAUsableContext(String content, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("config"), content.replace("\\n", "\n"));

        assertThatThrownBy(() -> access().resolve(Map.of("kubeconfig", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kubeconfig=/k|apiUrl=https://127.0.0.1:6443|choose one way to reach the cluster, not a kubeconfig and"
                        + " an API URL",
                "context=prod|inCluster=true|not a kubeconfig and in-cluster",
                "inCluster=maybe|namespace=prod|inCluster must be true or false, got 'maybe'",
                "tokenEnv=TOKEN|namespace=prod|kubernetes setting tokenEnv goes with apiUrl (--api-url), which is not"
                        + " given",
                "apiUrl=https://127.0.0.1:6443|namespace=prod|--api-url needs exactly one of --token-env NAME",
                "apiUrl=api.example|tokenEnv=TOKEN|--api-url must be the API server's URL, such as"
                        + " https://api.example:6443, got '(a value that is not an address, not shown)'",
                "apiUrl=https://127.0.0.1:6443|tokenEnv=eyJhbGciOi.x-y|--token-env takes the NAME of an environment"
                        + " variable holding the token",
            })
    void shouldRefuseSettingsThatDoNotNameOneWayToTheCluster(String first, String second, String expected) {
        Map<String, String> given = new HashMap<>();
        for (String pair : new String[] {first, second}) {
            given.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }

        assertThatThrownBy(() -> access().resolve(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("eyJhbGciOi");
    }

    @Test
    void shouldStoreWhereTheTokenIsAndReadItOnlyWhenConnecting() throws IOException {
        Files.writeString(work.resolve("token"), "s3cr3t\n");
        Files.writeString(work.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        Map<String, String> stored =
                access().resolve(Map.of("apiUrl", "https://127.0.0.1:6443", "tokenFile", "token", "caFile", "ca.pem"));

        assertThat(stored)
                .isEqualTo(Map.of(
                        "apiUrl",
                        "https://127.0.0.1:6443",
                        "tokenFile",
                        work.resolve("token").toString(),
                        "caFile",
                        work.resolve("ca.pem").toString()));
        Connection.Token connection = (Connection.Token) access().connect(stored);
        assertThat(connection.token()).isEqualTo("s3cr3t");
        assertThat(connection.caCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(KubernetesAccess.describe(stored))
                .isEqualTo("API https://127.0.0.1:6443 with the token from file " + work.resolve("token"))
                .doesNotContain("s3cr3t");
    }

    @Test
    void shouldReadTheTokenFromTheVariableItNames() {
        environment.put("GENESIS_KUBE_TOKEN", "from-the-variable");
        Map<String, String> stored =
                access().resolve(Map.of("apiUrl", "https://127.0.0.1:6443", "tokenEnv", "GENESIS_KUBE_TOKEN"));

        assertThat(((Connection.Token) access().connect(stored)).token()).isEqualTo("from-the-variable");

        environment.clear();
        assertThatThrownBy(() -> access().connect(stored))
                .hasMessage("environment variable GENESIS_KUBE_TOKEN is not set or empty; it must hold the bearer token"
                        + " for https://127.0.0.1:6443 in every genesis process that deploys or rolls back there (the"
                        + " token itself is never stored)");
    }

    @Test
    void shouldSayWhatItCannotRead() {
        assertThatThrownBy(() ->
                        access().resolve(Map.of("apiUrl", "https://127.0.0.1:6443", "tokenFile", "missing-token")))
                .hasMessageContaining("cannot read the token file " + work.resolve("missing-token"));
        assertThatThrownBy(() -> access().resolve(Map.of("inCluster", "true")))
                .hasMessageContaining("in-cluster connection needs KUBERNETES_SERVICE_HOST");
        assertThatThrownBy(() -> access().resolve(Map.of("kubeconfig", " ")))
                .hasMessageContaining("a kubernetes file setting is empty");
    }

    @Test
    void shouldStoreInClusterAsAFlagAndReadTheAddressWhenConnecting() {
        environment.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
        environment.put("KUBERNETES_SERVICE_PORT", "6443");

        Map<String, String> stored = access().resolve(Map.of("inCluster", "true"));

        assertThat(stored).isEqualTo(Map.of("inCluster", "true"));
        assertThat(access().connect(stored)).isInstanceOf(Connection.InCluster.class);
        assertThat(KubernetesAccess.describe(stored)).isEqualTo("the in-cluster service account");
    }

    @Test
    void shouldSplitAccessFromTheTargetsOwnSettings() {
        Map<String, String> settings = Map.of("kubeconfig", "/k", "context", "dev", "namespace", "prod", "image", "i");

        assertThat(KubernetesAccess.of(settings)).isEqualTo(Map.of("kubeconfig", "/k", "context", "dev"));
        assertThat(KubernetesAccess.withoutAccess(settings)).isEqualTo(Map.of("namespace", "prod", "image", "i"));
    }
}
