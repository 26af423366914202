package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.RealTimeCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code genesis deploy} sends the cluster's credential: never over plain http unless allowed and
 * to loopback, with a warning in the output and the record when TLS verification is off, and never an
 * address's credentials in output, state or records. The API server is the fabric8 mock on 127.0.0.1
 * speaking https (with its own self-signed certificate) or, for the refusals, a JDK HTTP server.
 */
@EnableKubernetesMockClient(https = true, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesSecurityITest {

    private static final String TOKEN = "hunter2-token";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private RealTimeCluster cluster;

    @BeforeEach
    void setUp() {
        createRolling(client, "reg/shop:1.0.0", 2);
        create(client, service("shop", labels("app", "shop")));
        // The command runs on the wall clock: the simulated cluster in real time, its pods ready in 300 ms.
        cluster = RealTimeCluster.start(client, NS);
        environment.put("GENESIS_KUBE_TOKEN", TOKEN);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        cluster.close();
    }

    @Test
    void shouldDeployOverTlsWithoutVerificationButSayItAndRecordIt() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: mock
                clusters: [{name: mock, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: deployer, user: {token: %s}}]
                contexts: [{name: mock, context: {cluster: mock, user: deployer}}]
                """.formatted(server.getPort(), TOKEN));

        Run run = deploy("--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("warning: TLS verification is off for the API server https://127.0.0.1:" + server.getPort())
                .doesNotContain(TOKEN);
        DeploymentRecord record = CommandLines.records(state()).get(0);
        assertThat(record.notes()).anySatisfy(note -> assertThat(note).contains("TLS verification is off"));
        assertNoFileHolds(TOKEN);
    }

    @Test
    void shouldRefuseToSendTheTokenOverPlainHttpAndSendNothing() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        plain.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        plain.start();
        try {
            Run run = deploy(
                    "--api-url",
                    "http://127.0.0.1:" + plain.getAddress().getPort(),
                    "--token-env",
                    "GENESIS_KUBE_TOKEN");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains("is plain http", "--allow-insecure-http")
                    .doesNotContain(TOKEN);
            assertThat(requests).hasValue(0);
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void shouldNeverAllowPlainHttpBeyondLoopback() {
        Run run = deploy(
                "--api-url",
                "http://cluster.invalid:6443",
                "--token-env",
                "GENESIS_KUBE_TOKEN",
                "--allow-insecure-http");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not this machine's loopback");
    }

    @Test
    void shouldNeverRepeatCredentialsGivenInAnAddress() {
        for (String address : List.of(
                "https://admin:hunter2@my_api:6443",
                "https://127.0.0.1:6443/?access_token=hunter2",
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJodW50ZXIyIn0.aHVudGVyMg")) {
            Run run = deploy("--api-url", address, "--token-env", "GENESIS_KUBE_TOKEN");

            assertThat(run.exitCode()).as(address).isEqualTo(2);
            assertThat(run.out() + run.err())
                    .as(address)
                    .doesNotContain("hunter2")
                    .doesNotContain("eyJzdWIiOiJodW50ZXIyIn0");
        }
        assertThat(state().resolve("rollouts")).doesNotExist();
    }

    @Test
    void shouldNotQuoteTheLineOfABrokenKubeconfig() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                users: [{name: deployer, user: {token: %s: broken}}]
                """.formatted(TOKEN));

        Run run = deploy("--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("kubeconfig file " + kubeconfig + ", line 3, column ")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldNeverRepeatCredentialsOfAMetricSourceAddress() {
        Run run = deploy(
                "--api-url",
                "https://127.0.0.1:" + server.getPort(),
                "--token-env",
                "GENESIS_KUBE_TOKEN",
                "--prometheus",
                "http://admin:hunter2@prom_host:9090/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out() + run.err()).doesNotContain("hunter2");
    }

    private Run deploy(String... access) {
        return Run.on(
                host(),
                CommandLines.deploy(
                        state(),
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        "staging",
                                        "--version",
                                        "1.1.0",
                                        "--target",
                                        "kubernetes",
                                        "--namespace",
                                        NS,
                                        "--image",
                                        "reg/shop:1.1.0",
                                        "--strategy",
                                        "rolling"),
                                access)));
    }

    private Host host() {
        return new Host(
                Clock.systemUTC(),
                () -> new TargetKinds(List.of(new KubernetesKind(
                        new KubernetesAccess(environment, dir.resolve("home"), dir),
                        ClientSettings.DEFAULT,
                        CreateOrUpdateWriter::new))),
                Optional.empty(),
                "tester",
                Duration.ofMillis(20));
    }

    private Path state() {
        return dir.resolve("state");
    }

    private void assertNoFileHolds(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(state())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
            }
        }
    }
}
