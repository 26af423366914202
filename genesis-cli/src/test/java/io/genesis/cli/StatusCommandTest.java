package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path state;

    private final RecordingKind recording = new RecordingKind();

    private Run deploy(String application, String version, String steps) {
        return recording.deployToStaging(state, application, version, steps);
    }

    @Test
    void shouldSayWhatRunsWhereAndWhatIsKeptForRollback() {
        deploy("shop", "1.1.0", "deploy; smoke; weight 100; promote; scaleDown");
        deploy("shop", "1.2.0", "deploy; smoke; weight 100; promote; scaleDown 1h");
        recording.target.failNext("promote", new io.genesis.core.target.TargetException("no"));
        deploy("cart", "3.0.0", "deploy; smoke; weight 100; promote; scaleDown");

        Run run = Run.of("status", "--state-dir", state.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("what runs where:")
                .containsPattern("shop +staging +1\\.2\\.0 ")
                .doesNotContain("cart ")
                .contains("in progress: none")
                .contains("kept for instant rollback: the version before 1.2.0 of shop in staging, until ");
    }

    @Test
    void shouldPrintOneJsonDocument() throws Exception {
        deploy("shop", "1.1.0", "deploy; smoke; weight 100; promote; scaleDown");

        Run run = Run.of("status", "--state-dir", state.toString(), "--json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.get("current")).singleElement().satisfies(entry -> {
            assertThat(entry.get("application").asText()).isEqualTo("shop");
            assertThat(entry.get("version").asText()).isEqualTo("1.1.0");
        });
        assertThat(document.get("inProgress")).isEmpty();
        assertThat(document.get("keptForRollback")).isEmpty();
    }

    @Test
    void shouldSayWhenNothingWasDeployed(@TempDir Path empty) {
        Run run = Run.of("status", "--state-dir", empty.toString());

        assertThat(run.out()).contains("what runs where: nothing deployed yet", "in progress: none");
    }
}
