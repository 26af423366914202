package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RecordedRollout;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.history.ConfigMapHistoryStore;
import io.genesis.kubernetes.manifest.CreateOrUpdateWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.RealTimeCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that outlive the runner: an environment with {@code history: cluster} keeps its deployment
 * records in ConfigMaps of its target namespace, so two machines (two state directories) deploying to one
 * cluster share one history, and {@code genesis rollback} from a third, fresh state directory rolls back
 * from the cluster's records alone. Against the fabric8 mock API server in CRUD mode, reached through a
 * kubeconfig file, with the simulated cluster in real time making pods ready; every command runs with
 * fresh target kinds, as a new process would.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ClusterHistoryITest {

    private static final String SWITCH = "deploy; smoke; promote; scaleDown 1h";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private RealTimeCluster cluster;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        Path kubeconfig = MockCluster.kubeconfig(dir, server);
        config = Files.writeString(dir.resolve("genesis.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    history: cluster
                    target:
                      kind: kubernetes
                      kubeconfig: %s
                      context: mock
                      namespace: %s
                      scaleDownDelaySeconds: 0
                """.formatted(kubeconfig, NS));
        createBlueGreen(client, 2);
        // The command runs on the wall clock: the simulated cluster in real time, its pods ready in 300 ms.
        cluster = RealTimeCluster.start(client, NS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        cluster.close();
    }

    private Host host() {
        return new Host(
                Clock.systemUTC(),
                () -> new TargetKinds(List.of(new KubernetesKind(
                        new KubernetesAccess(environment, dir.resolve("home"), dir),
                        ClientSettings.DEFAULT.withInsecureHttpAllowed(true),
                        CreateOrUpdateWriter::new))),
                Optional.empty(),
                "tester",
                Duration.ofMillis(20));
    }

    private Path machine(String name) {
        return dir.resolve(name);
    }

    private Run deploy(Path state, String version) {
        return Run.on(
                host(),
                CommandLines.deploy(
                        state,
                        "shop",
                        "--environment",
                        "staging",
                        "--version",
                        version,
                        "--image",
                        "reg/shop:" + version,
                        "--steps",
                        SWITCH,
                        "--config",
                        config.toString()));
    }

    private Run history(Path state) {
        return Run.on(host(), "history", "--state-dir", state.toString(), "--config", config.toString(), "--json");
    }

    private List<DeploymentRecord> clusterRecords() {
        return new ConfigMapHistoryStore(client, NS).all(HistoryQuery.newest(1));
    }

    private ClusterView users() {
        return ClusterView.throughService(client, NS, "shop");
    }

    @Test
    void shouldShareOneHistoryBetweenTwoMachinesAndRollBackFromAThirdWithTheClustersRecordsAlone() {
        Run first = deploy(machine("a"), "1.1.0");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        Run second = deploy(machine("b"), "1.2.0");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

        assertThat(clusterRecords())
                .extracting(DeploymentRecord::version, DeploymentRecord::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.2.0", RecordStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("1.1.0", RecordStatus.SUCCEEDED));
        assertThat(CommandLines.records(machine("a")))
                .as("nothing in the state directory's own file")
                .isEmpty();
        assertThat(CommandLines.records(machine("b"))).isEmpty();
        for (String name : List.of("a", "b")) {
            Run history = history(machine(name));
            assertThat(history.exitCode()).as(history.err()).isZero();
            assertThat(history.out())
                    .as("machine " + name + " sees both deploys")
                    .contains("\"version\":\"1.2.0\"", "\"version\":\"1.1.0\"", "\"total\":2");
        }
        Run status = Run.on(
                host(), "status", "--state-dir", machine("a").toString(), "--config", config.toString(), "--json");
        assertThat(status.out()).as("what runs is what machine b deployed").contains("\"version\":\"1.2.0\"");
        assertThat(users().trafficTo("1.2.0")).isEqualTo(100.0);

        Run rollback = Run.on(
                host(),
                CommandLines.rollback(
                        machine("fresh"),
                        "--reason",
                        "INC-12: checkout errors",
                        "--by",
                        "carol",
                        "--config",
                        config.toString()));

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out())
                .contains("taken up from the deployment records in the cluster")
                .contains("genesis rollback: shop 1.2.0 in staging ROLLED_BACK: rolled back by carol");
        assertThat(users().trafficTo("1.1.0"))
                .as("traffic back on machine a's version")
                .isEqualTo(100.0);
        DeploymentRecord rolledBack = clusterRecords().get(0);
        assertThat(rolledBack.version()).isEqualTo("1.2.0");
        assertThat(rolledBack.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(rolledBack.notes()).contains(RecordedRollout.NOTE);
        assertThat(rolledBack.phases()).as("the original phases kept").hasSizeGreaterThan(3);
        assertThat(clusterRecords()).hasSize(2);
        Run after = Run.on(
                host(), "status", "--state-dir", machine("b").toString(), "--config", config.toString(), "--json");
        assertThat(after.out())
                .as("machine b sees machine a's version running again")
                .contains("\"version\":\"1.1.0\"")
                .doesNotContain("\"version\":\"1.2.0\"");
        assertThat(client.leases()
                        .inNamespace(NS)
                        .withName("genesis-shop-staging")
                        .get())
                .as("the rollback took and released the Lease")
                .isNull();
    }
}
