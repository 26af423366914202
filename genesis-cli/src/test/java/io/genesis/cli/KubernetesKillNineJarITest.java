package io.genesis.cli;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.RealTimeCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of {@code genesis deploy --target kubernetes} at a random moment of each strategy, as a
 * black box: the shaded jar deploys in a process of its own against fabric8's mock API server (CRUD mode, in
 * this JVM on loopback), is killed with SIGKILL at a seeded random moment after it took its lock (0 to 7 s),
 * and the next command from a new
 * process ({@code rollback} or {@code deploy}, then {@code status}) must leave what the cluster serves in
 * agreement with the record, one complete record per rollout, and no Lease held.
 *
 * <p>The cluster is the simulated one in real time ({@link RealTimeCluster}, pods ready 300 ms after they
 * are created): the clock-driven mode runs on the test's simulated clock, which an engine in this JVM
 * advances, so it cannot serve an engine in another process that waits on its own wall clock. One kill per strategy (CI time); {@code -Dgenesis.kubeKills=N} runs N.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesKillNineJarITest {

    private static final long SEED = Long.getLong("genesis.killSeed", 14L);
    private static final AtomicInteger KILLS = new AtomicInteger();
    private static final AtomicInteger STORED = new AtomicInteger();
    private static final AtomicInteger CONSISTENT = new AtomicInteger();
    private static final List<String> OUTCOMES = new ArrayList<>();

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path work;

    static Stream<Arguments> kills() {
        int perStrategy = Integer.getInteger("genesis.kubeKills", 1);
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : List.of("blueGreen", "canary", "rolling")) {
            for (int i = 0; i < perStrategy; i++) {
                long killAfterMillis = random.nextInt(7_000);
                String next = i % 2 == 0 ? "rollback" : "deploy";
                cases.add(Arguments.of(strategy, killAfterMillis, next));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: kill -9 after {1} ms, then {2}")
    @MethodSource("kills")
    void shouldEndConsistentAfterAKillNine(String strategy, long killAfterMillis, String next) throws Exception {
        Path kubeconfig = MockCluster.kubeconfig(work, server);
        startingPoint(strategy);
        GenesisJar jar = GenesisJar.in(work);
        Path state = work.resolve("state");

        try (RealTimeCluster cluster = RealTimeCluster.start(client, NS)) {
            GenesisJar.Running running = jar.start(deploy(kubeconfig, strategy, "1.1.0"));
            // The moment is counted from when the rollout holds its lock: the process's start-up on a busy
            // machine takes longer than the rollout itself, and a kill there would find nothing to recover.
            awaitTheLock(running);
            boolean ended = running.killAfter(killAfterMillis);
            KILLS.incrementAndGet();
            boolean stored = CommandLines.storedRollouts(state) > 0;
            if (stored) {
                STORED.incrementAndGet();
            }

            GenesisJar.Result after = next.equals("rollback")
                    ? jar.run(
                            "rollback",
                            "--application",
                            "shop",
                            "--environment",
                            "staging",
                            "--reason",
                            "after kill -9",
                            "--by",
                            "tester")
                    : jar.run(deploy(kubeconfig, strategy, "1.2.0"));
            GenesisJar.Result status = jar.run("status", "--json");

            String seen = strategy + " killed after " + killAfterMillis + " ms" + (ended ? " (had ended)" : "")
                    + ", then " + next + ": exit " + after.exitCode() + "\n" + after.out() + after.err()
                    + "\ncluster faults: " + cluster.faults();
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode document = new ObjectMapper().readTree(status.out());
            assertThat(document.get("inProgress")).as(seen).isEmpty();
            assertThat(document.get("problems")).as(seen).isEmpty();
            assertThat(after.out() + after.err() + status.err())
                    .as(seen)
                    .doesNotContain("internal error", "\tat ", "Exception");
            List<DeploymentRecord> records = CommandLines.records(state);
            assertThat(records.stream().collect(Collectors.groupingBy(DeploymentRecord::id)))
                    .as("one record per rollout: " + seen)
                    .allSatisfy((id, each) -> assertThat(each).hasSize(1));
            assertThat(records).as(seen).allSatisfy(record -> {
                assertThat(record.endedAt()).isNotNull();
                assertThat(record.reason()).isNotBlank();
            });
            List<DeploymentRecord> killed =
                    records.stream().filter(r -> r.version().equals("1.1.0")).toList();
            if (stored) {
                assertThat(killed).as(seen).hasSize(1);
            } else {
                assertThat(killed).as(seen).isEmpty();
            }
            assertThat(client.leases()
                            .inNamespace(NS)
                            .withName("genesis-shop-staging")
                            .get())
                    .as("no Lease is left held: " + seen)
                    .isNull();
            String served = agreesWithTheCluster(strategy, next, after, killed, seen);
            synchronized (OUTCOMES) {
                OUTCOMES.add(strategy + " +" + killAfterMillis + " ms" + (ended ? " (had ended by itself)" : "") + ", "
                        + next + " -> "
                        + (killed.isEmpty() ? "not stored yet" : killed.get(0).status()) + ", exit "
                        + after.exitCode() + ", serves " + served);
            }
            CONSISTENT.incrementAndGet();
        }
    }

    /**
     * What the Service sends traffic to must be what the records say: the new deploy's version once it
     * succeeded, the previous version once the killed rollout was rolled back (or never got to the cluster),
     * one whole version otherwise (a {@code FAILED} record says to check by hand).
     */
    private String agreesWithTheCluster(
            String strategy, String next, GenesisJar.Result after, List<DeploymentRecord> killed, String seen) {
        ClusterView users = ClusterView.throughService(client, NS, "shop");
        double old = users.trafficTo("1.0.0");
        double killedVersion = users.trafficTo("1.1.0");
        double newer = users.trafficTo("1.2.0");
        String served = "1.0.0 " + old + " %, 1.1.0 " + killedVersion + " %, 1.2.0 " + newer + " %";
        if (next.equals("deploy")) {
            assertThat(after.exitCode()).as(seen).isZero();
            assertThat(newer).as(served + "; " + seen).isEqualTo(100.0);
            return served;
        }
        RecordStatus status = killed.isEmpty() ? null : killed.get(0).status();
        if (status == null) {
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.USAGE.code());
            assertThat(old).as(served + "; " + seen).isEqualTo(100.0);
        } else if (status == RecordStatus.ROLLED_BACK || status == RecordStatus.ABORTED) {
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.PASSED.code());
            assertThat(old).as(served + "; " + seen).isEqualTo(100.0);
        } else if (status == RecordStatus.SUCCEEDED) {
            // It ended by itself before a rollback could reach it: the rollback of an ended rollout is refused.
            assertThat(after.exitCode()).as(seen).isNotEqualTo(ExitCode.INTERNAL_ERROR.code());
            assertThat(killedVersion).as(served + "; " + seen).isEqualTo(100.0);
        } else {
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.FAILED.code());
            assertThat(List.of(old, killedVersion))
                    .as("one whole version: " + served + "; " + seen)
                    .contains(100.0);
        }
        return served;
    }

    /** Waits (at most two minutes) until the deploy says it took the lock; fails if it ends before. */
    private static void awaitTheLock(GenesisJar.Running running) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!running.outSoFar().contains("took the lock on shop in staging")) {
            // Waiting for the process, not sleeping: it returns at once if the deploy ended.
            if (running.process().waitFor(50, TimeUnit.MILLISECONDS) || System.nanoTime() > deadline) {
                throw new AssertionError("the deploy never took its lock: " + running.outSoFar()
                        + Files.readString(running.err(), StandardCharsets.UTF_8));
            }
        }
    }

    private void startingPoint(String strategy) {
        switch (strategy) {
            case "blueGreen" -> createBlueGreen(client, 2);
            case "canary" -> createCanary(client, labels("app", "shop"));
            default -> {
                createRolling(client, "reg/shop:1.0.0", 4);
                create(client, service("shop", labels("app", "shop")));
            }
        }
    }

    /** A deploy of {@code version} with a pause between its steps, so that a kill finds each phase. */
    private static String[] deploy(Path kubeconfig, String strategy, String version) {
        String steps = switch (strategy) {
            case "blueGreen" -> "deploy; smoke; pause 2s; promote; scaleDown 1h";
            case "canary" -> "deploy; smoke; weight 25; pause 2s; weight 50; pause 2s; weight 100; promote";
            default -> "batch 25; pause 2s; batch 50; batch 75; pause 2s; batch 100; promote";
        };
        List<String> args = new ArrayList<>(List.of(
                "deploy",
                "--application",
                "shop",
                "--commit",
                CommandLines.COMMIT,
                "--environment",
                "staging",
                "--version",
                version,
                "--target",
                "kubernetes",
                "--kubeconfig",
                kubeconfig.toString(),
                // The mock API server speaks plain http on loopback.
                "--allow-insecure-http",
                "--namespace",
                NS,
                "--image",
                "reg/shop:" + version,
                // Wall-clock test: a rolled-back candidate is retired at once, not 30 s later.
                "--target-option",
                "scaleDownDelaySeconds=0",
                "--steps",
                steps));
        if (!strategy.equals("blueGreen")) {
            args.addAll(List.of("--target-option", "strategy=" + strategy));
        }
        return args.toArray(String[]::new);
    }

    @AfterAll
    static void report() {
        System.out.println("kill -9 on the Kubernetes mock: " + KILLS.get() + " kills, " + STORED.get()
                + " stored before the kill, " + CONSISTENT.get() + " ended consistent (seed " + SEED + ")");
        OUTCOMES.forEach(line -> System.out.println("  " + line));
    }
}
