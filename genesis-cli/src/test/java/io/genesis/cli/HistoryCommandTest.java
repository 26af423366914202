package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryCommandTest {

    private static final String STEPS = "deploy; smoke; weight 50; weight 100; promote; scaleDown";

    @TempDir
    Path state;

    private final RecordingKind recording = new RecordingKind();

    /** Three rollouts: shop 1.1.0 and 1.2.0 (the second rolled back) and cart 2.0.0, all to staging. */
    @BeforeEach
    void deployThree() {
        deploy("shop", "1.1.0");
        recording.target.failNext("promote", new io.genesis.core.target.TargetException("promote refused"));
        deploy("shop", "1.2.0");
        deploy("cart", "2.0.0");
    }

    private void deploy(String application, String version) {
        recording.deployToStaging(state, application, version, STEPS);
    }

    private Run history(String... extra) {
        return Run.of(CommandLines.concat(List.of("history", "--state-dir", state.toString()), extra));
    }

    @Test
    void shouldPrintOneLinePerRecordNewestFirst() {
        Run run = history();

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("genesis history: 3 of 3 records in " + state.resolve("history.jsonl") + ", newest first");
        assertThat(lines.get(1)).startsWith("ENDED").contains("APPLICATION", "VERSION", "STATUS", "ROLLOUT / REASON");
        assertThat(lines.get(2)).contains("cart", "2.0.0", "custom", "SUCCEEDED", "all 6 steps completed");
        assertThat(lines.get(3))
                .contains(
                        "shop",
                        "1.2.0",
                        "ROLLED_BACK",
                        "step 5 (promote) failed: promoting the candidate failed:" + " promote refused");
        assertThat(lines.get(4)).contains("shop", "1.1.0", "SUCCEEDED");
        assertThat(lines).hasSize(5);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--application shop|2 of 2 records of shop in any environment|1.2.0",
                "--environment staging --limit 1|1 of 3 records of any application in staging|2.0.0",
                "--application cart --environment staging|1 of 1 record of cart in staging|2.0.0"
            })
    void shouldFilterAndLimit(String args, String header, String newest) {
        Run run = history(args.split(" "));

        assertThat(run.out().lines().findFirst().orElseThrow()).contains(header);
        assertThat(run.out().lines().skip(2).findFirst().orElseThrow()).contains(newest);
    }

    @Test
    void shouldShowEveryPhaseWithDetails() {
        Run run = history("--application", "shop", "--limit", "1", "--details");

        assertThat(run.out())
                .contains("shop 1.2.0 to staging with custom on recording target recording shop: ROLLED_BACK")
                .contains("commit " + CommandLines.COMMIT + " from branch main, started by tester")
                .contains("  3. set weight 50.00 %: completed - router sends 50.00 % to the candidate")
                .contains(
                        "  5. promote candidate: failed - step 5 (promote) failed: promoting the candidate failed: promote"
                                + " refused")
                .contains("  rollback: completed - traffic restored in ")
                .contains("traffic restored ");
    }

    @Test
    void shouldPrintOneJsonDocument() throws Exception {
        Run run = history("--json", "--limit", "2");

        assertThat(run.out().lines()).hasSize(1);
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.get("total").asInt()).isEqualTo(3);
        assertThat(document.get("records")).hasSize(2);
        assertThat(document.get("records").get(0).get("application").asText()).isEqualTo("cart");
        assertThat(document.get("problems")).isEmpty();
    }

    @Test
    void shouldReportATornLineAndShowTheRest() throws Exception {
        Files.writeString(
                state.resolve("history.jsonl"), "{\"id\":\"r-torn", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Run run = history();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("history.jsonl line 4 skipped: torn last line");
        assertThat(run.out()).contains("3 of 3 records");
    }

    @Test
    void shouldSayWhenThereAreNoRecords(@TempDir Path empty) {
        Run run = Run.of("history", "--state-dir", empty.toString(), "--application", "shop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("genesis history: no records of shop in any environment in " + empty.resolve("history.jsonl")
                        + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource({"0", "1001"})
    void shouldRefuseALimitOutOfRange(String limit) {
        Run run = history("--limit", limit);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--limit must be between 1 and 1000, got " + limit);
    }
}
