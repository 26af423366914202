package io.jenkins.plugins.genesis.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.policy.Environments;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opener's work without Jenkins: the environment's trusted target merged with the Jenkinsfile's,
 * the credential looked up for the build that asked, and a target on a real connection (the fabric8
 * CRUD mock behind https on 127.0.0.1). Nothing of a secret reaches a log line or a message.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesTargetsTest {

    private static final String TOKEN = KubernetesConnectorTest.TOKEN;
    private static final String RUN = "shop/main#42";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private TlsFront front;
    private final Map<String, Map<String, String>> configured = new HashMap<>();
    private final Map<String, ClusterSecret> store = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() throws Exception {
        front = TlsFront.start(server.getPort(), dir);
        store.put("kube-prod", new ClusterSecret.Token("kube-prod", TOKEN));
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.ALL);
    }

    @AfterEach
    void tearDown() throws Exception {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(Level.INFO);
        front.close();
    }

    private KubernetesTargets targets() {
        return new KubernetesTargets(
                environment -> new TrustedTargets.Trusted(
                        Environments.defaults().named(environment), configured.getOrDefault(environment, Map.of())),
                run -> id -> {
                    lookups.add(run + " " + id);
                    ClusterSecret secret = store.get(id);
                    if (secret == null) {
                        throw new IllegalArgumentException(CredentialProblems.missing(id, run));
                    }
                    return secret;
                },
                name -> {
                    throw new IllegalArgumentException("no cloud " + name);
                },
                new KubernetesConnector(KubernetesConnectorTest.SETTINGS),
                events::add);
    }

    private Map<String, String> connection() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("credentialsId", "kube-prod");
        settings.put("serverUrl", "https://127.0.0.1:" + front.port());
        settings.put("caCertificate", front.caPem());
        return settings;
    }

    private static TargetSpec spec(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("run", RUN);
        all.putIfAbsent("image", "reg/shop:1.4.0");
        return new TargetSpec("kubernetes", all);
    }

    @Test
    void shouldOpenAProtectedEnvironmentsTargetWithTheConnectionTheAdministratorSet() throws Exception {
        // given: production's connection in the global configuration, the Jenkinsfile names the namespace only
        Map<String, String> trusted = connection();
        trusted.put("namespace", "prod");
        configured.put("production", trusted);

        // when
        DeploymentTarget target =
                targets().open(DeploymentKey.of("shop", "production"), spec(Map.of("namespace", "prod")));
        String outcome = outcome(target, DeploymentKey.of("shop", "production"));

        // then: the build's credential was looked up, and the target reached the cluster with it
        assertThat(target.describe()).isEqualTo("kubernetes blue-green prod/shop");
        assertThat(lookups).containsExactly(RUN + " kube-prod");
        assertThat(server.getRequestCount()).isPositive();
        assertThat(server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS).getHeader("Authorization"))
                .isEqualTo("Bearer " + TOKEN);
        assertThat(outcome).doesNotContain(TOKEN);
        assertThat(logged).as("the capture sees the client's log").isNotEmpty();
        assertNoSecretLogged();
    }

    @Test
    void shouldRefuseAConnectionTheJenkinsfileNamesForAProtectedEnvironment() {
        configured.put("production", connection());
        Map<String, String> requested = new LinkedHashMap<>(connection());
        requested.put("credentialsId", "mine");

        assertThatThrownBy(() -> targets().open(DeploymentKey.of("shop", "production"), spec(requested)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("production is protected, and the Jenkinsfile's kubernetes(...) target may not"
                        + " name how its target is reached (caCertificate, credentialsId, serverUrl); fix:");
        assertThat(lookups).isEmpty();
    }

    @Test
    void shouldLetTheJenkinsfileNameTheConnectionOfAnUnprotectedEnvironment() {
        DeploymentTarget target =
                targets().open(DeploymentKey.of("shop", "staging"), spec(with(connection(), "namespace", "staging")));

        assertThat(target.describe()).isEqualTo("kubernetes blue-green staging/shop");
        assertThat(lookups).containsExactly(RUN + " kube-prod");
    }

    @Test
    void shouldSayWhenAKubeconfigTurnsTlsVerificationOff() {
        // given
        store.put("kube-config", new ClusterSecret.Kubeconfig("kube-config", """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters: [{name: mock, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: deployer, user: {token: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: deployer}}]
                """.formatted(front.port(), TOKEN)));

        // when
        targets()
                .open(
                        DeploymentKey.of("shop", "staging"),
                        spec(Map.of("credentialsId", "kube-config", "namespace", "staging")));

        // then
        assertThat(events)
                .anySatisfy(line -> assertThat(line).startsWith("TLS verification is off for the API server"))
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    }

    @Test
    void shouldRefuseACloudNamedByTheJenkinsfile() {
        assertThatThrownBy(() -> targets()
                        .open(DeploymentKey.of("shop", "staging"), spec(Map.of("cloud", "k8s", "namespace", "x"))))
                .hasMessageStartingWith("cloud 'k8s' is named by the Jenkinsfile's kubernetes(...) target, but a"
                        + " cloud's client carries the cloud's own credentials");
    }

    @Test
    void shouldNameTheMissingCredentialAndTheFixWithoutASecret() {
        Map<String, String> settings = with(connection(), "credentialsId", "kube-typo");

        assertThatThrownBy(() ->
                        targets().open(DeploymentKey.of("shop", "staging"), spec(with(settings, "namespace", "s"))))
                .hasMessage("no credential 'kube-typo' is visible to build shop/main#42; fix: add a secret file"
                        + " (holding a kubeconfig) or a secret text (holding a bearer token, used with serverUrl) with"
                        + " id 'kube-typo' to the job's folder or to the global credentials, or correct credentialsId");
    }

    @Test
    void shouldKeepTheTokenOutOfMessagesWhenTheServerCannotBeTrusted() throws Exception {
        // given: a CA that did not sign the server's certificate
        Map<String, String> settings = with(connection(), "caCertificate", TlsFront.unrelatedCa());
        settings.put("namespace", "staging");
        DeploymentTarget target = targets().open(DeploymentKey.of("shop", "staging"), spec(settings));

        // when
        String outcome = outcome(target, DeploymentKey.of("shop", "staging"));

        // then
        assertThat(outcome).contains("PKIX").doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).isZero();
        assertNoSecretLogged();
    }

    @Test
    void shouldNeedNoConnectionOfItsOwnToSayWhatIsMissing() {
        assertThatThrownBy(() -> targets().open(DeploymentKey.of("shop", "staging"), spec(Map.of("namespace", "s"))))
                .hasMessageStartingWith("the kubernetes target names no connection; fix: set credentialsId");
        assertThatThrownBy(() ->
                        targets().open(DeploymentKey.of("shop", "staging"), new TargetSpec("kubernetes", connection())))
                .hasMessageStartingWith("the stored kubernetes target names credential 'kube-prod' but no build");
    }

    /** What asking the target for the candidate's health gives: its answer, or the failure with its causes. */
    private static String outcome(DeploymentTarget target, DeploymentKey key) {
        try {
            return String.valueOf(target.health(new DeploymentContext("r-1", key, new Version("1.4.0"), "abc1234")));
        } catch (RuntimeException e) {
            return KubernetesConnectorTest.messages(e);
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    private void assertNoSecretLogged() {
        assertThat(logged).allSatisfy(record -> {
            assertThat(String.valueOf(record.getMessage())).doesNotContain(TOKEN);
            if (record.getParameters() != null) {
                assertThat(List.of(record.getParameters()).toString()).doesNotContain(TOKEN);
            }
            if (record.getThrown() != null) {
                assertThat(KubernetesConnectorTest.messages(record.getThrown())).doesNotContain(TOKEN);
            }
        });
        assertThat(events).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
    }
}
