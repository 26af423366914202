package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.plan.Step;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollbackCommandTest {

    @TempDir
    Path state;

    private final RecordingKind recording = new RecordingKind();

    private Run deploy(String version, String steps) {
        return recording.deployToStaging(state, "shop", version, steps);
    }

    private Run rollback(String... extra) {
        return Run.on(recording.host(), CommandLines.rollback(state, extra));
    }

    @Test
    void shouldRecordWhoAskedAndWhyWhenTheRolloutsProcessHasEnded() throws Exception {
        recording.inProcess = true;
        CompletableFuture<Run> deploying = orphanWhilePaused(null);

        Run run = rollback("--reason", "INC-9: checkout errors", "--by", "alice");

        DeploymentRecord record = CommandLines.records(state).get(0);
        assertThat(record.version()).isEqualTo("1.6.0");
        assertThat(record.reason())
                .as(run.out() + run.err())
                .startsWith("rolled back by alice (account tester): INC-9: checkout errors; its recording target ran"
                        + " inside genesis process " + EndedOwner.pid());
        deploying.get(60, TimeUnit.SECONDS);
    }

    @Test
    void shouldTakeOverARolloutWhoseProcessHasEndedAtOnce() throws Exception {
        // Its lease would hold for another hour: only the ended process says it is an orphan.
        CompletableFuture<Run> deploying = orphanWhilePaused(Instant.now().plus(Duration.ofHours(1)));

        Run run = rollback("--reason", "INC-10", "--by", "alice", "--wait", "10s");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(CommandLines.records(state).get(0).reason()).contains("INC-10");
        deploying.get(60, TimeUnit.SECONDS);
    }

    /**
     * Starts a deploy of 1.6.0 that pauses for an hour and, once it pauses, leaves what kill -9 leaves behind:
     * the rollout claimed by an engine whose process is gone, its lease until {@code leaseUntil} (null: as it was).
     */
    private CompletableFuture<Run> orphanWhilePaused(Instant leaseUntil) {
        CompletableFuture<Run> deploying = CompletableFuture.supplyAsync(
                () -> deploy("1.6.0", "deploy; smoke; weight 20; pause 1h; weight 100; promote"));
        FileRolloutStateStore states = new StateDir(state).states();
        Eventually.until("the rollout pauses", Duration.ofSeconds(20), () -> {
            if (deploying.isDone()) {
                throw new AssertionError("the deploy ended: " + deploying.join());
            }
            return states.list().stream().anyMatch(s -> s.currentStep() instanceof Step.Pause);
        });
        RolloutState stored = states.list().get(0);
        states.save(stored.edit()
                .owner(EndedOwner.name(), leaseUntil == null ? stored.leaseExpiresAt() : leaseUntil)
                .build());
        return deploying;
    }

    @Test
    void shouldRollBackTheLastRolloutWhileItsPreviousVersionIsKept() {
        assertThat(deploy("1.3.0", "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h")
                        .exitCode())
                .isZero();
        assertThat(recording.target.stable()).isEqualTo("1.3.0");

        Run run = rollback("--reason", "INC-42: checkout errors", "--by", "alice");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "genesis rollback: shop 1.3.0 in staging ROLLED_BACK: rolled back by alice (account tester): INC-42: checkout"
                                + " errors");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldPrintTheRecordAsJson() throws Exception {
        deploy("1.3.0", "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h");

        Run run = rollback("--reason", "bad release", "--json");

        JsonNode record = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(record.get("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(record.get("reason").asText()).isEqualTo("rolled back by tester: bad release");
    }

    @Test
    void shouldBringThePreviousVersionBackWhenItIsNoLongerKept() {
        deploy("1.3.0", "deploy; smoke; weight 50; weight 100; promote; scaleDown");

        Run run = rollback("--reason", "late leak");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).contains("the previous version is no longer kept");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldSayThereIsNothingToRollBackAfterARollback() {
        deploy("1.3.0", "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h");
        rollback("--reason", "first");

        Run run = rollback("--reason", "second");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("nothing to roll back: rollout ")
                .contains("(version 1.3.0 of shop in staging) ended ROLLED_BACK: rolled back by tester: first");
    }

    @Test
    void shouldSayWhenThereIsNoRolloutAtAll() {
        Run run = rollback("--reason", "just in case");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no rollout of shop in staging in " + state + "; nothing to roll back");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Shop|staging|because|application name 'Shop' is not valid",
                "shop|staging|' '|--reason must say why",
                "shop|staging|because|--wait must be a duration",
            })
    void shouldRefuseBadInput(String application, String environment, String reason, String expected) {
        List<String> args = new ArrayList<>(List.of(
                "rollback",
                "--application",
                application,
                "--environment",
                environment,
                "--reason",
                reason,
                "--state-dir",
                state.toString()));
        if (expected.startsWith("--wait")) {
            args.addAll(List.of("--wait", "later"));
        }

        Run run = Run.on(recording.host(), args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
    }

    @Test
    void shouldNeedAReason() {
        Run run = Run.on(recording.host(), "rollback", "--application", "shop", "--environment", "staging");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--reason=TEXT'");
    }
}
