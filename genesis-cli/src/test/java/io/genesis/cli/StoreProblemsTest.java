package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command that reads the state directory says what it could not read there, the same way. */
class StoreProblemsTest {

    private static final String STEPS = "deploy; smoke; weight 100; promote";

    @TempDir
    Path state;

    private final RecordingKind recording = new RecordingKind();

    @ParameterizedTest
    @ValueSource(strings = {"status", "history"})
    void shouldWarnAboutATornHistoryLine(String command) throws IOException {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        Files.writeString(state.resolve("history.jsonl"), "{\"id\":\"r-torn\",\"appli", StandardOpenOption.APPEND);

        Run run = Run.on(recording.host(), command, "--state-dir", state.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("genesis " + command + ": warning: history.jsonl line 2 skipped: torn last line")
                .hasLineCount(1);
        assertThat(run.out()).contains("1.0.0");
    }

    @Test
    void shouldListTheProblemsInStatusJson() throws IOException {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        Files.writeString(state.resolve("history.jsonl"), "{\"id\":", StandardOpenOption.APPEND);

        Run run = Run.on(recording.host(), "status", "--state-dir", state.toString(), "--json");

        assertThat(run.out()).contains("\"problems\":[\"history.jsonl line 2 skipped: torn last line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "deploy", "rollback"})
    void shouldNameADamagedRolloutFileAndWhatToDo(String command) throws IOException {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        Path damaged = state.resolve("rollouts").resolve("r-1a2b3c4d5e6-abcdef.json");
        Files.writeString(damaged, "{\"id\":\"r-1a2b3c4d5e6-abcdef\",\"revision\":3,\"requ");

        Run run = switch (command) {
            case "deploy" -> recording.deployToStaging(state, "shop", "1.1.0", STEPS);
            case "rollback" -> Run.on(recording.host(), CommandLines.rollback(state, "--reason", "test"));
            default -> Run.on(recording.host(), command, "--state-dir", state.toString());
        };

        assertThat(run.err())
                .contains("genesis " + command + ": warning: " + damaged + " skipped: not a readable rollout state")
                .contains("Fix: see 'genesis history' for its record");
    }

    @Test
    @Timeout(120)
    void shouldTakeTheLockOfARolloutWhoseProcessHasEndedAtOnce() throws Exception {
        String deadOwner = EndedOwner.name();
        assertThat(new EngineOwner(deadOwner).certainlyEnded()).isTrue();
        // Its state file was lost; only its lease, valid for another day, is left.
        new FileRolloutLock(new StateDir(state).lockDir())
                .acquire(
                        new DeploymentKey("shop", "staging"),
                        "r-1a2b3c4d5e6-abcdef",
                        deadOwner,
                        Instant.now(),
                        Duration.ofDays(1));

        Run run = recording.deployToStaging(state, "shop", "1.1.0", STEPS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("took the lock on shop in staging");
    }
}
