package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} at a random moment of each strategy on the sandbox, as a black box: the shaded jar
 * deploys in a process of its own, is killed with SIGKILL at a seeded random moment, and the next
 * command ({@code rollback} or {@code deploy}) must leave one complete record of the killed rollout (if it
 * had been stored) with an exit code that matches, and {@code status} nothing in progress and nothing
 * unreadable. Two kills per strategy; {@code -Dgenesis.kills=N} runs N.
 */
class KillNineJarITest {

    private static final long SEED = Long.getLong("genesis.killSeed", 14L);
    private static final AtomicInteger KILLS = new AtomicInteger();
    private static final AtomicInteger CONSISTENT = new AtomicInteger();
    private static final List<String> OUTCOMES = new ArrayList<>();

    @TempDir
    Path work;

    static Stream<Arguments> kills() {
        int perStrategy = Integer.getInteger("genesis.kills", 2);
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : List.of("blueGreen", "canary", "rolling")) {
            for (int i = 0; i < perStrategy; i++) {
                long killAfterMillis = 300 + random.nextInt(7_000);
                String next = i % 2 == 0 ? "rollback" : "deploy";
                cases.add(Arguments.of(strategy, killAfterMillis, next));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: kill -9 after {1} ms, then {2}")
    @MethodSource("kills")
    void shouldEndConsistentAfterAKillNine(String strategy, long killAfterMillis, String next) throws Exception {
        GenesisJar jar = GenesisJar.in(work);
        Path state = work.resolve("state");

        GenesisJar.Running running = jar.start(
                "deploy",
                "--application",
                "shop",
                "--commit",
                CommandLines.COMMIT,
                "--environment",
                "staging",
                "--target",
                "sandbox",
                "--version",
                "1.1.0",
                "--strategy",
                strategy,
                "--sample-interval",
                "1s");
        boolean ended = running.killAfter(killAfterMillis);
        KILLS.incrementAndGet();
        boolean stored = CommandLines.storedRollouts(state) > 0;

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
                : jar.run(
                        "deploy",
                        "--application",
                        "shop",
                        "--commit",
                        CommandLines.COMMIT,
                        "--environment",
                        "staging",
                        "--target",
                        "sandbox",
                        "--version",
                        "1.2.0",
                        "--steps",
                        "deploy; smoke; weight 100; promote");
        GenesisJar.Result status = jar.run("status", "--json");

        String seen = strategy + " killed after " + killAfterMillis + " ms, then " + next + ": exit " + after.exitCode()
                + "\n" + after.out() + after.err();
        JsonNode document = new ObjectMapper().readTree(status.out());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(document.get("inProgress")).as(seen).isEmpty();
        assertThat(document.get("problems")).as(seen).isEmpty();
        assertThat(after.out() + after.err()).doesNotContain("internal error", "\tat ");
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
        if (next.equals("deploy")) {
            assertThat(after.exitCode()).as(seen).isZero();
            assertThat(records(state))
                    .as(seen)
                    .anySatisfy(r -> assertThat(r.version()).isEqualTo("1.2.0"));
        } else if (!killed.isEmpty() && after.err().contains("nothing to roll back")) {
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.USAGE.code());
        } else if (ended && !killed.isEmpty() && killed.get(0).status() == RecordStatus.SUCCEEDED) {
            // The deploy ended by itself before its kill: its sandbox ended with it, nothing is left to roll back.
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.USAGE.code());
            assertThat(after.err()).as(seen).contains("nothing of it outlives that deploy");
        } else if (!killed.isEmpty()) {
            // genesis rollback's rule: 0 once the rollout is rolled back (or aborted: it touched nothing), else 1.
            RecordStatus killedStatus = killed.get(0).status();
            assertThat(after.exitCode())
                    .as(seen)
                    .isEqualTo(
                            killedStatus == RecordStatus.ROLLED_BACK || killedStatus == RecordStatus.ABORTED
                                    ? ExitCode.PASSED.code()
                                    : ExitCode.FAILED.code());
        } else {
            assertThat(after.exitCode()).as(seen).isEqualTo(ExitCode.USAGE.code());
        }
        synchronized (OUTCOMES) {
            OUTCOMES.add(strategy + " +" + killAfterMillis + " ms" + (ended ? " (had ended by itself)" : "") + ", "
                    + next
                    + " -> "
                    + (killed.isEmpty() ? "not stored yet" : killed.get(0).status()) + ", exit " + after.exitCode());
        }
        CONSISTENT.incrementAndGet();
    }

    private static List<DeploymentRecord> records(Path state) {
        return CommandLines.records(state);
    }

    @AfterAll
    static void report() {
        System.out.println(
                "kill -9: " + KILLS.get() + " kills, " + CONSISTENT.get() + " ended consistent (seed " + SEED + ")");
        OUTCOMES.forEach(line -> System.out.println("  " + line));
    }
}
