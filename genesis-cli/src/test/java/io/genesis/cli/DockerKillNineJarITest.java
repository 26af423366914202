package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.docker.engine.ContainerState;
import io.genesis.docker.proxy.ProxyServer;
import io.genesis.docker.testing.DockerFixture;
import io.genesis.docker.testing.Load;
import io.genesis.docker.testing.SampleImages;
import io.genesis.docker.testing.Traffic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} at a random moment of each strategy on the real Docker engine, as a black box: the shaded
 * jar deploys 1.1.0 over 1.0.0 in a process of its own while a client sends requests through the proxy, is
 * killed with SIGKILL at a seeded random moment, and the next command from a new process ({@code rollback}
 * or {@code deploy} of 1.2.0) must leave the three witnesses agreeing: the containers the engine runs, the
 * weights HAProxy uses (and the version that answers), and the record (one complete record of the killed
 * rollout if it had been stored; {@code status} nothing in progress, nothing unreadable). One kill per
 * strategy; {@code -Dgenesis.dockerKills=N} runs N.
 */
class DockerKillNineJarITest {

    private static final long SEED = Long.getLong("genesis.killSeed", 20L);
    private static final AtomicInteger KILLS = new AtomicInteger();
    private static final AtomicInteger FAULTS = new AtomicInteger();
    private static final AtomicInteger CONSISTENT = new AtomicInteger();
    private static final AtomicInteger EXCEPTIONS = new AtomicInteger();
    private static final List<String> OUTCOMES = new ArrayList<>();

    @TempDir
    Path work;

    private DockerFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DockerFixture("staging");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<Arguments> kills() {
        int perStrategy = Integer.getInteger("genesis.dockerKills", 1);
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : List.of("blueGreen", "canary", "rolling")) {
            for (int i = 0; i < perStrategy; i++) {
                long killAfterMillis = 500 + random.nextInt(15_000);
                String next = random.nextBoolean() ? "rollback" : "deploy";
                cases.add(Arguments.of(strategy, killAfterMillis, next));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: kill -9 after {1} ms, then {2}")
    @MethodSource("kills")
    void shouldEndConsistentAfterAKillNine(String strategy, long killAfterMillis, String next) throws Exception {
        String image = SampleImages.base(fixture.client());
        Map<String, String> more = strategy.equals("rolling") ? Map.of("replicas", "2") : Map.of();
        int replicas = strategy.equals("rolling") ? 2 : 1;
        fixture.serve(image, "1.0.0", more);
        GenesisJar jar = GenesisJar.in(work);
        Path state = work.resolve("state");

        boolean ended;
        boolean stored;
        GenesisJar.Running running;
        GenesisJar.Running following;
        // Users keep sending requests, also while the next command runs (a rollout it resumes goes on
        // measuring): two clients give each 2 s sample of a 20 % share well over the 10 requests it needs.
        try (Load load = Load.start(fixture.proxyPort, 2)) {
            running = jar.start(deploy(image, more, "1.1.0", strategyOptions(strategy)));
            Process deploying = running.process();
            ended = deploying.waitFor(killAfterMillis, TimeUnit.MILLISECONDS);
            if (!ended) {
                deploying.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                FAULTS.incrementAndGet();
            }
            KILLS.incrementAndGet();
            stored = !records(state).isEmpty() || storedRollouts(state);
            following = next(jar, image, more, next);
            if (!following.process().waitFor(150, TimeUnit.SECONDS)) {
                following.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(strategy + " killed after " + killAfterMillis + " ms, then " + next
                        + " did not end within 150 s; it said:\n" + following.outSoFar()
                        + Files.readString(following.err(), StandardCharsets.UTF_8) + "\ndeploy said:\n"
                        + Files.readString(running.out(), StandardCharsets.UTF_8)
                        + Files.readString(running.err(), StandardCharsets.UTF_8));
            }
        }
        GenesisJar.Result after = following.await();
        GenesisJar.Result status = jar.run("status", "--json");

        String seen = strategy + " killed after " + killAfterMillis + " ms" + (ended ? " (had ended)" : "")
                + ", then " + next + ": exit " + after.exitCode() + "\n" + after.out() + after.err()
                + "\ndeploy said:\n" + Files.readString(running.out(), StandardCharsets.UTF_8)
                + Files.readString(running.err(), StandardCharsets.UTF_8);
        String printed = after.out() + after.err() + Files.readString(running.err(), StandardCharsets.UTF_8);
        if (printed.contains("internal error") || printed.contains("\tat ")) {
            EXCEPTIONS.incrementAndGet();
        }
        assertThat(printed).as(seen).doesNotContain("internal error", "\tat ");
        JsonNode document = new ObjectMapper().readTree(status.out());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(document.get("inProgress")).as(seen).isEmpty();
        assertThat(document.get("problems")).as(seen).isEmpty();

        List<DeploymentRecord> killed =
                records(state).stream().filter(r -> r.version().equals("1.1.0")).toList();
        if (stored) {
            assertThat(killed).as(seen).singleElement().satisfies(record -> {
                assertThat(record.endedAt()).isNotNull();
                assertThat(record.reason()).isNotBlank();
            });
        } else {
            assertThat(killed).as(seen).isEmpty();
        }
        String serving = serving(next, after, killed, seen);
        // Besides the serving version, only one whose rollout succeeded may still run (kept at weight 0 for
        // an instant rollback); never one that was rolled back, failed or never finished.
        Set<String> mayRun = new java.util.HashSet<>(List.of(serving, "1.0.0"));
        if (!killed.isEmpty() && killed.get(0).status() == RecordStatus.SUCCEEDED) {
            mayRun.add("1.1.0");
        }
        assertConsistent(serving, replicas, mayRun, seen);
        synchronized (OUTCOMES) {
            OUTCOMES.add(strategy + " +" + killAfterMillis + " ms" + (ended ? " (had ended by itself)" : "") + ", "
                    + next + " -> killed rollout "
                    + (killed.isEmpty() ? "not stored yet" : killed.get(0).status()) + ", exit " + after.exitCode()
                    + ", " + serving + " serving on " + replicas + " container(s)");
        }
        CONSISTENT.incrementAndGet();
    }

    /**
     * The version the records say serves after the next command, checking that command's exit code. A
     * rollout closed FAILED promises one whole version, not which: the one that answers.
     */
    private String serving(String next, GenesisJar.Result after, List<DeploymentRecord> killed, String seen) {
        RecordStatus status = killed.isEmpty() ? null : killed.get(0).status();
        if (next.equals("deploy")) {
            assertThat(after.exitCode()).as(seen).isZero();
            List<DeploymentRecord> deployed = records(work.resolve("state")).stream()
                    .filter(r -> r.version().equals("1.2.0"))
                    .toList();
            assertThat(deployed)
                    .as(seen)
                    .singleElement()
                    .satisfies(record -> assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED));
            return "1.2.0";
        }
        if (status == null || after.err().contains("nothing to roll back")) {
            // Not stored before the kill, or it had ended by itself: genesis rollback finds nothing to do.
            assertThat(after.exitCode()).as("nothing to roll back: " + seen).isEqualTo(ExitCode.USAGE.code());
        } else {
            // genesis rollback's rule: 0 once the rollout is rolled back (or aborted: it touched nothing), else 1.
            assertThat(after.exitCode())
                    .as(seen)
                    .isEqualTo(
                            status == RecordStatus.ROLLED_BACK || status == RecordStatus.ABORTED
                                    ? ExitCode.PASSED.code()
                                    : ExitCode.FAILED.code());
        }
        if (status == RecordStatus.SUCCEEDED) {
            return "1.1.0";
        }
        if (status == RecordStatus.FAILED) {
            Set<String> answering = Traffic.count(fixture.proxyPort, 20).keySet();
            assertThat(answering).as(seen).hasSize(1).isSubsetOf("1.0.0", "1.1.0");
            return answering.iterator().next();
        }
        return "1.0.0";
    }

    /** Traffic, proxy weights and containers all say {@code version}, on {@code replicas} containers. */
    private void assertConsistent(String version, int replicas, Set<String> mayRun, String seen) {
        assertThat(Traffic.count(fixture.proxyPort, 20)).as(seen).containsOnlyKeys(version);
        Map<String, ContainerState> running = fixture
                .client()
                .listContainers(Map.of(
                        "io.genesis.application",
                        fixture.key.application(),
                        "io.genesis.environment",
                        fixture.key.environment()))
                .stream()
                .filter(ContainerState::running)
                .collect(Collectors.toMap(ContainerState::name, container -> container));
        Set<String> weighted = fixture.targets.proxy(fixture.proxyDir, fixture.key).servers().values().stream()
                .filter(server -> server.weight() > 0)
                .map(ProxyServer::name)
                .collect(Collectors.toSet());
        assertThat(weighted).as("servers with weight: " + seen).hasSize(replicas);
        assertThat(weighted)
                .as(seen)
                .allSatisfy(name -> assertThat(running.get(name))
                        .as(name + " runs " + version)
                        .isNotNull()
                        .satisfies(container -> assertThat(container.label("io.genesis.version"))
                                .isEqualTo(version)));
        assertThat(running.values())
                .as("no container of a rolled-back or unfinished version runs: " + seen)
                .allSatisfy(container ->
                        assertThat(container.label("io.genesis.version")).isIn(mayRun));
    }

    /** The command after the kill, from a new process: {@code rollback} or a {@code deploy} of 1.2.0. */
    private GenesisJar.Running next(GenesisJar jar, String image, Map<String, String> more, String next)
            throws java.io.IOException {
        return next.equals("rollback")
                ? jar.start(
                        "rollback",
                        "--application",
                        fixture.key.application(),
                        "--environment",
                        "staging",
                        "--reason",
                        "after kill -9",
                        "--by",
                        "tester")
                : jar.start(deploy(image, more, "1.2.0", List.of("--steps", "deploy; smoke; weight 100; promote")));
    }

    private String[] deploy(String image, Map<String, String> more, String version, List<String> plan) {
        List<String> command = new ArrayList<>(List.of(
                "deploy",
                "--application",
                fixture.key.application(),
                "--environment",
                "staging",
                "--commit",
                CommandLines.COMMIT,
                "--version",
                version,
                "--target",
                "docker",
                "--target-option",
                "host=" + fixture.engine.host()));
        command.addAll(plan);
        fixture.settings(image, more).forEach((key, value) -> {
            command.add("--target-option");
            command.add(key + "=" + value);
        });
        return command.toArray(String[]::new);
    }

    /** Each strategy with windows of seconds, so that a kill can land in any of its steps. */
    private static List<String> strategyOptions(String strategy) {
        List<String> options = new ArrayList<>(
                switch (strategy) {
                    case "blueGreen" -> List.of("--strategy", "blueGreen", "--shifts", "20:4s, 50:4s, 100:4s");
                    case "canary" -> List.of("--strategy", "canary", "--shifts", "20:4s, 40:4s, 100:4s");
                    default -> List.of("--strategy", "rolling", "--max-surge", "50", "--max-unavailable", "0");
                });
        options.addAll(List.of("--sample-interval", "2s"));
        return options;
    }

    private static boolean storedRollouts(Path state) throws java.io.IOException {
        Path rollouts = state.resolve("rollouts");
        if (!Files.isDirectory(rollouts)) {
            return false;
        }
        try (Stream<Path> files = Files.list(rollouts)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("r-.*\\.json"));
        }
    }

    private static List<DeploymentRecord> records(Path state) {
        return Files.isDirectory(state) ? CommandLines.records(state) : List.of();
    }

    @AfterAll
    static void report() {
        String summary = "docker kill -9: " + KILLS.get() + " runs, " + FAULTS.get() + " killed mid-deploy, "
                + CONSISTENT.get() + " ended consistent, " + EXCEPTIONS.get() + " exceptions (seed " + SEED + ")";
        System.out.println(summary);
        OUTCOMES.forEach(line -> System.out.println("  " + line));
        try {
            List<String> lines = new ArrayList<>(List.of(summary));
            OUTCOMES.forEach(line -> lines.add("  " + line));
            Files.write(Path.of("target", "docker-kill-nine.txt"), lines);
        } catch (java.io.IOException e) {
            System.out.println("cannot write target/docker-kill-nine.txt: " + e.getMessage());
        }
    }
}
