package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genesis deploy} and {@code genesis rollback} against the real sandbox: real servers, real traffic. */
class SandboxDeployITest {

    @TempDir
    Path state;

    private final Host host = new Host(
            Clock.systemUTC(),
            () -> new TargetKinds(List.of(SandboxKind.standard())),
            Optional.empty(),
            "tester",
            Duration.ofMillis(20));

    private Run deploy(String version, String steps, String... extra) {
        return deployEvery("1s", version, steps, extra);
    }

    private Run deployEvery(String sampleInterval, String version, String steps, String... extra) {
        return Run.on(
                host,
                CommandLines.deploy(
                        state,
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        "staging",
                                        "--target",
                                        "sandbox",
                                        "--version",
                                        version,
                                        "--steps",
                                        steps,
                                        "--sample-interval",
                                        sampleInterval),
                                extra)));
    }

    private Run rollback(String... args) {
        return Run.on(host, CommandLines.rollback(state, args));
    }

    private List<DeploymentRecord> records() {
        return CommandLines.records(state);
    }

    @Test
    void shouldRollAFaultyCanaryBackOnItsMeasuredErrorRate() throws Exception {
        Run run = deploy(
                "1.3.0",
                "deploy; smoke; weight 20; analyse 20s; weight 100; promote; scaleDown",
                "--target-option",
                "failPercent=25",
                "--target-option",
                "stable=1.2.0",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode record = new ObjectMapper().readTree(run.out());
        assertThat(record.get("status").asText()).isEqualTo("ROLLED_BACK");
        // The candidate fails every fourth request; a sample's window edges make the rate close to, not exactly,
        // 25 %. Any rate over 5 % rolls back.
        assertThat(record.get("reason").asText())
                .containsPattern("^automatic rollback: error rate \\d+\\.\\d\\d % > 5\\.00 % automatic rollback");
        assertThat(record.get("timeToRestore").isNull()).isFalse();
        assertThat(run.err())
                .contains("sandbox: 1.2.0 serves all traffic of shop in staging")
                .containsPattern("sample over 1 s \\(critical\\): error rate \\d+\\.\\d\\d % > 5\\.00 %");
    }

    @Test
    void shouldCarryOutARollbackAskedForByAnotherCommand() throws Exception {
        CompletableFuture<Run> deploying = CompletableFuture.supplyAsync(
                () -> deploy("1.4.0", "deploy; smoke; weight 20; analyse 30s; weight 100; promote; scaleDown"));
        FileRolloutStateStore states = new FileRolloutStateStore(state.resolve("rollouts"));
        Eventually.until(
                "the rollout is analysing",
                Duration.ofSeconds(20),
                () -> states.list().stream()
                        .anyMatch(s -> s.stage() == io.genesis.core.rollout.Stage.RUNNING
                                && s.currentStep() instanceof io.genesis.core.rollout.plan.Step.Analyse));

        Run rollback = rollback("--reason", "INC-7: checkout slow", "--by", "alice");
        Run deployed = deploying.get();

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out())
                .contains("to roll it back; waiting up to 1 min")
                .contains(
                        "genesis rollback: shop 1.4.0 in staging ROLLED_BACK: rolled back by alice (account tester): INC-7: checkout"
                                + " slow");
        assertThat(deployed.exitCode()).isEqualTo(1);
        assertThat(deployed.out())
                .contains("rollback asked for by alice (account tester) from another genesis process: INC-7");
        assertThat(records()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
            assertThat(record.restoreTime()).isPresent();
        });
    }

    @Test
    void shouldRefuseToRollBackASandboxWhoseProcessHasEnded() {
        Run deployed = deploy("1.5.0", "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h");

        Run rollback = rollback("--reason", "too late");

        assertThat(deployed.exitCode()).as(deployed.out()).isZero();
        assertThat(deployed.out()).contains("it stops with this process, as the whole sandbox does");
        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.err())
                .contains("ran on a sandbox inside genesis process ", "nothing of it outlives that" + " deploy");
    }

    @Test
    void shouldEndARolloutWhoseSandboxWentWithItsProcess() throws Exception {
        CompletableFuture<Run> deploying = orphanWhileAnalysing();
        Run status = Run.of("status", "--state-dir", state.toString());
        Run next = deploy("1.7.0", "deploy; smoke; weight 100; promote; scaleDown");

        assertThat(status.out()).contains("ANALYSING", "(ended)");
        assertThat(next.exitCode()).as(next.out()).isZero();
        assertThat(next.out()).contains("its sandbox target ran inside genesis process " + EndedOwner.pid());
        DeploymentRecord orphan = orphan();
        assertThat(orphan.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(orphan.reason()).contains("nothing of it remains to change");
        deploying.get();
    }

    @Test
    void shouldEndAVanishedSandboxWithoutRetriesOrAdviceToRestoreIt() throws Exception {
        CompletableFuture<Run> deploying = orphanWhileAnalysing();

        Run rollback = Run.of(CommandLines.rollback(state, "--reason", "INC-9", "--by", "alice"));

        DeploymentRecord orphan = orphan();
        assertThat(orphan.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(orphan.reason())
                .as("the rollback's own words and who asked")
                .contains("INC-9", "alice")
                .doesNotStartWith("rolled back")
                .doesNotContain("by hand", "rollback failed 3 times");
        assertThat(rollback.out() + rollback.err()).doesNotContain("rollback attempt");
        deploying.get();
    }

    /**
     * Starts a deploy of 1.6.0 that samples every 20 s (so that its engine stays quiet while the test plays
     * its process's death) and, once it analyses, leaves what a process killed with -9 leaves behind: the
     * rollout claimed by an engine whose process is gone.
     */
    private CompletableFuture<Run> orphanWhileAnalysing() {
        CompletableFuture<Run> deploying = CompletableFuture.supplyAsync(() ->
                deployEvery("20s", "1.6.0", "deploy; smoke; weight 20; analyse 30s; weight 100; promote; scaleDown"));
        FileRolloutStateStore states = new FileRolloutStateStore(state.resolve("rollouts"));
        Eventually.until(
                "the rollout is analysing",
                Duration.ofSeconds(20),
                () -> states.list().stream()
                        .anyMatch(s -> s.currentStep() instanceof io.genesis.core.rollout.plan.Step.Analyse));
        io.genesis.core.rollout.RolloutState stored = states.list().get(0);
        states.save(
                stored.edit().owner(EndedOwner.name(), stored.leaseExpiresAt()).build());
        return deploying;
    }

    private DeploymentRecord orphan() {
        return records().stream()
                .filter(r -> r.version().equals("1.6.0"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldRollBackWhenTheSmokeHookFailsOnTheCandidateBeforeAnyTraffic() throws Exception {
        Run run = deploy(
                "1.8.0",
                "deploy; smoke; weight 50; weight 100; promote; scaleDown",
                "--hook",
                "pre-traffic=curl -sS --max-time 5 {url}/ && echo && echo 1 of 3 smoke tests failed && exit 1",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode record = new ObjectMapper().readTree(run.out());
        assertThat(record.get("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(record.get("reason").asText()).startsWith("step 3 (hook) failed: preTraffic hook failed after ");
        JsonNode hook = record.get("hooks").get(0);
        assertThat(hook.get("exitCode").asInt()).isEqualTo(1);
        assertThat(hook.get("output").asText()).isEqualTo("1.8.0\n1 of 3 smoke tests failed");
        assertThat(record.get("phases").findValuesAsText("kind")).doesNotContain("setWeight", "promote");
        assertThat(run.err()).contains("preTraffic hook started: command 'curl -sS --max-time 5 {url}/");

        Run history = Run.of("history", "--state-dir", state.toString(), "--details");
        assertThat(history.out())
                .contains("preTraffic hook failed after ")
                .contains("(exit 1): command 'curl")
                .contains("    | 1 of 3 smoke tests failed");
    }

    @Test
    void shouldRefuseAHookOptionWithoutAPhaseBeforeAnythingStarts() {
        Run run = deploy("1.9.0", "deploy; smoke; promote", "--hook", "./smoke.sh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--hook takes PHASE=VALUE, such as --hook pre-traffic='./smoke.sh {url}'; got './smoke.sh'");
        assertThat(records()).isEmpty();
    }
}
