package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
