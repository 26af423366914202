package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.prometheus.LocalPrometheus;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.lock.LeaseLock;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.RealTimeCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genesis deploy --target kubernetes} and {@code genesis rollback} against a real API server (the
 * fabric8 mock in CRUD mode, reached through a kubeconfig file like a cluster), with the Kubernetes
 * module's simulated cluster in real time ({@link RealTimeCluster}: the command waits on the wall clock)
 * making pods ready. Every command runs with fresh target kinds,
 * so a later command knows the cluster only from what the state directory stored, as a new process would.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesDeployITest {

    private static final String SWITCH = "deploy; smoke; promote; scaleDown 1h";
    private static final String TOKEN = "t0ken-never-stored";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private RealTimeCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void setUp() throws IOException {
        kubeconfig = MockCluster.kubeconfig(dir, server);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Host host() {
        return new Host(
                Clock.systemUTC(),
                // The mock API server refuses server-side apply (415): manifests are written by create-or-update.
                () -> new TargetKinds(List.of(new KubernetesKind(
                        new KubernetesAccess(environment, dir.resolve("home"), dir),
                        // The mock API server speaks plain http on loopback.
                        ClientSettings.DEFAULT.withInsecureHttpAllowed(true),
                        CreateOrUpdateWriter::new))),
                Optional.empty(),
                "tester",
                Duration.ofMillis(20));
    }

    private Path state() {
        return dir.resolve("state");
    }

    /** {@code genesis deploy} of shop 1.1.0 to staging, then {@code more}. */
    private String[] shopToStaging(String... more) {
        return CommandLines.deploy(
                state(), "shop", CommandLines.concat(List.of("--environment", "staging", "--version", "1.1.0"), more));
    }

    private Run deploy(String... more) {
        return Run.on(host(), shopToStaging(more));
    }

    /** The options of a deploy to the mock cluster through the kubeconfig, then {@code more}. */
    private String[] onCluster(String... more) {
        return onCluster(kubeconfig, more);
    }

    /** The options of a deploy to the mock cluster through {@code file} as the kubeconfig, then {@code more}. */
    private static String[] onCluster(Path file, String... more) {
        return CommandLines.concat(
                List.of(
                        "--target",
                        "kubernetes",
                        "--kubeconfig",
                        file.toString(),
                        "--namespace",
                        NS,
                        "--image",
                        "reg/shop:1.1.0",
                        // Wall-clock tests: a rolled-back candidate is retired at once, not 30 s later.
                        "--target-option",
                        "scaleDownDelaySeconds=0"),
                more);
    }

    private Run rollback(String... more) {
        return Run.on(host(), CommandLines.rollback(state(), more));
    }

    private List<DeploymentRecord> records() {
        return CommandLines.records(state());
    }

    private void blueGreenCluster() {
        createBlueGreen(client, 2);
        cluster = RealTimeCluster.start(client, NS);
    }

    private void rollingCluster() {
        createRolling(client, "reg/shop:1.0.0", 4);
        create(client, service("shop", labels("app", "shop")));
        cluster = RealTimeCluster.start(client, NS);
    }

    private Map<String, String> selector() {
        return MockCluster.selector(client);
    }

    private Deployment deploymentNamed(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private ClusterView users() {
        return ClusterView.throughService(client, NS, "shop");
    }

    @Test
    void shouldSwitchTheActiveServiceToTheNewSlotAndRollItBackFromAnotherCommand() throws IOException {
        blueGreenCluster();

        Run deployed = deploy(onCluster("--steps", SWITCH));

        assertThat(deployed.exitCode()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out())
                .contains("kubernetes blue-green test/shop with image reg/shop:1.1.0, reached with kubeconfig "
                        + kubeconfig + " context 'mock'; the lock of shop in staging is a Lease in namespace test")
                .contains("took the lock on shop in staging")
                .contains("genesis deploy: shop 1.1.0 to staging SUCCEEDED")
                .contains("the previous version is kept until ")
                .contains("this command does not stay to scale it down: the next deploy of shop to staging from this"
                        + " state directory does")
                .doesNotContain("it stops with this process");
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(users().trafficTo("1.1.0")).isEqualTo(100.0);
        assertThat(client.leases()
                        .inNamespace(NS)
                        .withName("genesis-shop-staging")
                        .get())
                .as("the Lease is released when the rollout ends")
                .isNull();
        assertThat(state().resolve("locks"))
                .as("the lock lived in the cluster, not the state directory")
                .satisfiesAnyOf(
                        locks -> assertThat(locks).doesNotExist(),
                        locks -> assertThat(locks).isEmptyDirectory());
        assertThat(storedTarget())
                .containsEntry("kubeconfig", kubeconfig.toString())
                .containsEntry("context", "mock")
                .containsEntry("namespace", NS)
                .containsEntry("deployment", "shop")
                .doesNotContainKey("strategy");

        Run rollback = rollback("--reason", "INC-9: checkout errors", "--by", "alice");

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out())
                .contains(
                        "genesis rollback: shop 1.1.0 in staging ROLLED_BACK: rolled back by alice (account tester): INC-9: checkout"
                                + " errors");
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(users().trafficTo("1.0.0")).isEqualTo(100.0);
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
            assertThat(record.target()).contains("kubernetes blue-green test/shop");
        });
    }

    @Test
    void shouldRollANamedRollingStrategyOutWithTheStrategyReachingTheTarget() throws IOException {
        rollingCluster();

        Run run = deploy(onCluster("--context", "mock", "--strategy", "rolling"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("kubernetes rolling test/shop", "step 4 (rollingBatch) completed");
        assertThat(storedTarget()).containsEntry("strategy", "rolling");
        Deployment shop = deploymentNamed("shop");
        assertThat(shop.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("reg/shop:1.1.0");
        assertThat(users().pods("1.1.0")).isEqualTo(4);
        assertThat(users().trafficTo("1.1.0")).isEqualTo(100.0);
    }

    @Test
    void shouldQueueBehindALeaseHeldByAnotherMachineAndGoOnOnceItIsReleased() throws Exception {
        blueGreenCluster();
        LeaseLock leases = new LeaseLock(client, NS);
        // Another genesis, with another state directory (a CI server), holds the lock of shop in staging.
        leases.acquire(
                "genesis-shop-staging",
                "r-from-ci-1",
                "genesis@ci-1#4242.abcdef",
                Instant.now(),
                Duration.ofMinutes(10));

        // The output is read while the command runs: StringWriter is thread-safe.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> deploying = CompletableFuture.supplyAsync(() -> GenesisCommand.run(
                host(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                shopToStaging(onCluster("--steps", SWITCH))));
        Eventually.until(
                "the rollout says it is queued behind the Lease",
                Duration.ofSeconds(20),
                () -> out.toString().contains("queued: "));
        FileRolloutStateStore states = new FileRolloutStateStore(state().resolve("rollouts"));

        assertThat(out.toString())
                .contains("queued: shop in staging is locked by rollout r-from-ci-1 of genesis process 4242 on ci-1"
                        + " until ");
        assertThat(states.list())
                .singleElement()
                .extracting(RolloutState::stage)
                .isEqualTo(Stage.QUEUED);
        assertThat(deploymentNamed("shop-green"))
                .as("nothing is touched while another holds the lock")
                .isNull();
        assertThat(selector()).containsEntry("slot", "blue");
        assertThat(deploying).isNotDone();

        leases.release("genesis-shop-staging", "r-from-ci-1");
        int code = deploying.get();

        assertThat(code).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("took the lock on shop in staging", "SUCCEEDED");
        assertThat(selector()).containsEntry("slot", "green");
    }

    @Test
    void shouldRefuseADeployToAnApiThatRefusesConnectionsAndLeaveNothingBehind() throws IOException {
        Path refusing = Files.writeString(dir.resolve("refusing-kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: down
                clusters: [{name: down, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: deployer, user: {token: never-sent-anywhere}}]
                contexts: [{name: down, context: {cluster: down, user: deployer}}]
                """);

        Run run = deploy(onCluster(refusing, "--steps", "deploy; promote"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        // What was asked and where: the kubeconfig (which names the address) in the progress, the refusal on stderr.
        assertThat(run.out()).contains("reached with kubeconfig " + refusing + " context 'down'");
        assertThat(run.err())
                .contains("genesis deploy: could not start: ")
                .contains("connection refused", "check the API address")
                .contains("nothing was started or left behind")
                .doesNotContain("internal error", "never-sent-anywhere")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+Exception");
        assertThat(new StateDir(state()).states().list()).isEmpty();
        assertThat(new StateDir(state()).history().read().records()).isEmpty();
        assertThat(new StateDir(state()).locks().current(new DeploymentKey("shop", "staging")))
                .isEmpty();
    }

    @Test
    void shouldRefuseAPlanThatAnalysesWithoutAMetricSource() {
        blueGreenCluster();

        Run run = deploy(onCluster());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis deploy: the blueGreen plan analyses metrics (analyse 5 min), but the kubernetes")
                .contains("but the kubernetes target has no metric source of its own: every sample would be"
                        + " inconclusive")
                .contains("Give one with --prometheus or --probe-url")
                .contains("--strategy rolling, or --steps without analyse steps");
        assertThat(deploymentNamed("shop-green")).isNull();
        assertThat(records()).isEmpty();
    }

    @Test
    void shouldApplyTheManifestsFolderBeforeTheCandidateAndStoreItsAbsolutePath() throws IOException {
        blueGreenCluster();
        Path manifests = Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(manifests.resolve("config.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: shop-config
                data:
                  mode: production
                """);

        Run run = deploy(onCluster("--manifests", "k8s", "--steps", SWITCH));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(client.configMaps()
                        .inNamespace(NS)
                        .withName("shop-config")
                        .get()
                        .getData())
                .containsEntry("mode", "production");
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(storedTarget()).containsEntry("manifests", manifests.toString());
    }

    @Test
    void shouldAnalyseTheNamedBlueGreenThroughAnHttpProbeAndSucceed() throws IOException {
        blueGreenCluster();

        Run run = deployProbing(200);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(selector()).containsEntry("slot", "green");
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.strategy()).isEqualTo("blueGreen");
            assertThat(record.analyses()).singleElement().satisfies(analysis -> {
                assertThat(analysis.samples()).isPositive();
                assertThat(analysis.worst()).containsEntry("AVAILABILITY", 100.0);
            });
        });
    }

    @Test
    void shouldRollBackWhenTheProbeFindsTheNewVersionFailing() throws IOException {
        blueGreenCluster();

        Run run = deployProbing(503);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(selector()).as("traffic back on blue").containsEntry("slot", "blue");
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
            assertThat(record.reason()).contains("automatic rollback: error rate 100.00 % > 5.00 %");
            assertThat(record.restoreTime()).isPresent();
        });
    }

    @Test
    void shouldRefuseProbeSettingsWithoutAnAddressBeforeTouchingAnything() {
        blueGreenCluster();

        Run run = deploy(onCluster("--probe-url", "http://user:s3cret@127.0.0.1:1/healthz"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("probe url must not carry credentials").doesNotContain("s3cret");
        assertThat(deploymentNamed("shop-green")).isNull();
    }

    /**
     * Deploys with the named blue-green strategy and a demo-sized window, analysed through a probe of a
     * health endpoint answering {@code status}, which stops once the deploy has ended.
     */
    @Test
    void shouldRollBackOnTheErrorRateDebiansPrometheusMeasuresForTheCandidate() throws Exception {
        blueGreenCluster();
        HttpServer exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = """
                    genesis_http_requests{version="1.0.0"} 1000
                    genesis_http_errors{version="1.0.0"} 0
                    genesis_http_requests{version="1.1.0"} 200
                    genesis_http_errors{version="1.1.0"} 60
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
        Path data = Files.createDirectories(dir.resolve("prometheus"));
        try (LocalPrometheus prometheus =
                LocalPrometheus.start(data, "127.0.0.1:" + exporter.getAddress().getPort())) {
            prometheus.await("scraping the exporter", () -> scraped(prometheus));

            Run run = deploy(onCluster(
                    "--shifts",
                    "100:1s",
                    "--sample-interval",
                    "200ms",
                    "--prometheus",
                    prometheus.url().toString(),
                    "--prometheus-query",
                    "errorRate=100 * sum(genesis_http_errors{version=\"$version\"})"
                            + " / sum(genesis_http_requests{version=\"$version\"})"));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(selector()).as("traffic back on blue").containsEntry("slot", "blue");
            assertThat(records()).singleElement().satisfies(record -> {
                assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
                assertThat(record.reason())
                        .isEqualTo("automatic rollback: error rate 30.00 % > 5.00 % automatic rollback");
            });
            assertThat(storedMetrics())
                    .containsEntry("url", prometheus.url().toString())
                    .hasEntrySatisfying("errorRate", query -> assertThat(query).contains("version=\"1.1.0\""));
        } finally {
            exporter.stop(0);
        }
    }

    /** Whether Prometheus has scraped the candidate's series yet. */
    private static boolean scraped(LocalPrometheus prometheus) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/query?query=genesis_http_errors"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("1.1.0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Run deployProbing(int status) throws IOException {
        HttpServer probe = probeAnswering(status);
        try {
            return deploy(onCluster(
                    "--shifts",
                    "100:1s",
                    "--sample-interval",
                    "200ms",
                    "--probe-url",
                    "http://127.0.0.1:" + probe.getAddress().getPort() + "/healthz",
                    "--probe-requests",
                    "5"));
        } finally {
            probe.stop(0);
        }
    }

    /** A health endpoint on loopback standing in for the preview Service, answering {@code status}. */
    private static HttpServer probeAnswering(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/healthz", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void shouldSayWhenTheKubeconfigIsMissingOrHasNoSuchContext() {
        Run missing = deploy(onCluster(dir.resolve("nope"), "--steps", SWITCH));
        Run folder = deploy(onCluster(dir, "--steps", SWITCH));
        Run unknownContext = deploy(onCluster("--context", "prod", "--steps", SWITCH));

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .startsWith("genesis deploy: kubeconfig file " + dir.resolve("nope") + " does not exist; fix: pass"
                        + " --kubeconfig FILE");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err())
                .startsWith(
                        "genesis deploy: kubeconfig file " + dir + " is not a regular file; fix: pass --kubeconfig");
        assertThat(unknownContext.exitCode()).isEqualTo(2);
        assertThat(unknownContext.err())
                .contains("kubeconfig " + kubeconfig + " has no context 'prod'; its contexts: mock; fix: pass one of"
                        + " them with --context");
        assertThat(state()).doesNotExist();
    }

    @Test
    void shouldPassTheFactorysRefusalOnAsAUsageError() {
        Run run = deploy(onCluster("--steps", SWITCH, "--target-option", "activeServce=web"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("kubernetes target settings [activeServce] are not known; known: [")
                .contains("kubernetes settings come from the environment's target in genesis.yaml, --target-option"
                        + " KEY=VALUE");
    }

    @Test
    void shouldReachTheApiWithATokenFromAnEnvironmentVariableAndNeverStoreIt() throws IOException {
        rollingCluster();
        environment.put("GENESIS_KUBE_TOKEN", TOKEN);

        Run run = deploy(
                "--target",
                "kubernetes",
                "--api-url",
                "http://127.0.0.1:" + server.getPort(),
                "--token-env",
                "GENESIS_KUBE_TOKEN",
                "--namespace",
                NS,
                "--image",
                "reg/shop:1.1.0",
                "--strategy",
                "rolling");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("API http://127.0.0.1:" + server.getPort() + " with the token from environment"
                        + " variable GENESIS_KUBE_TOKEN")
                .doesNotContain(TOKEN);
        assertThat(storedTarget()).containsEntry("tokenEnv", "GENESIS_KUBE_TOKEN");
        try (Stream<Path> files = Files.walk(state())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
            }
        }

        environment.remove("GENESIS_KUBE_TOKEN");
        Run rollback = rollback("--reason", "no token here");

        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.err())
                .contains("cannot reach the target of rollout ")
                .contains("environment variable GENESIS_KUBE_TOKEN is not set or empty");
    }

    @Test
    void shouldTakeTheTargetFromTheEnvironmentInGenesisYamlWithCommandLineOverrides() throws IOException {
        rollingCluster();
        Path config = Files.writeString(dir.resolve("genesis.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    target:
                      kind: kubernetes
                      kubeconfig: %s
                      context: mock
                      namespace: %s
                      deployment: not-this-one
                """.formatted(kubeconfig, NS));

        Run run = deploy(
                "--config",
                config.toString(),
                "--deployment",
                "shop",
                "--image",
                "reg/shop:1.1.0",
                "--strategy",
                "rolling");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("with rolling on kubernetes", "kubernetes rolling test/shop");
        assertThat(storedTarget()).containsEntry("deployment", "shop").containsEntry("namespace", NS);
        assertThat(users().pods("1.1.0")).isEqualTo(4);
    }

    @Test
    void shouldNameTheFileTheEnvironmentAndTheKeyOfAnUnknownTargetSetting() throws IOException {
        Path config = Files.writeString(dir.resolve("genesis.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    target:
                      kind: kubernetes
                      namspace: prod
                """);

        Run run = deploy("--policy", config.toString(), "--target", "kubernetes", "--steps", SWITCH);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis deploy: " + config
                        + ", line 10, column 7: environments[1] (production) target: unknown key"
                        + " 'namspace' for kind kubernetes; fix: use one of the known keys: ")
                .contains("kind", "kubeconfig", "namespace", "image", "tokenEnv");
        assertThat(state()).doesNotExist();
    }

    private Map<String, String> storedMetrics() {
        List<RolloutState> stored = new FileRolloutStateStore(state().resolve("rollouts")).list();
        assertThat(stored).hasSize(1);
        return stored.get(0).request().metrics().settings();
    }

    private Map<String, String> storedTarget() {
        List<RolloutState> stored = new FileRolloutStateStore(state().resolve("rollouts")).list();
        assertThat(stored).hasSize(1);
        return stored.get(0).request().target().settings();
    }
}
