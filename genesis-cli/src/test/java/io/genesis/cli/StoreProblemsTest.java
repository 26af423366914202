package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
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

    @ParameterizedTest
    @ValueSource(strings = {"status", "history", "deploy", "rollback"})
    void shouldNameADamagedGateRecordNotificationAndLeaseOnceEachWithWhatToDo(String command) throws IOException {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        Path gate = damaged("gates", "0123456789abcdef0123456789abcdef01234567.staging.json", "{\"commit\":\"01");
        Path notification = damaged("notifications", "n-1a2b3c4d.ops.json", "{\"id\":\"n-1a2b3c4d\",\"chan");
        Path lease = damaged("locks", "shop.production.lease", "{\"holder\":\"r-1a2b3c4d5e6-abcdef\",\"own");

        Run run = switch (command) {
            case "deploy" -> recording.deployToStaging(state, "shop", "1.1.0", STEPS);
            case "rollback" -> Run.on(recording.host(), CommandLines.rollback(state, "--reason", "test"));
            default -> Run.on(recording.host(), command, "--state-dir", state.toString());
        };

        String prefix = "genesis " + command + ": warning: ";
        assertThat(run.err())
                .contains(prefix + gate + " skipped: not a readable gate record state (" + gate + ", line 1")
                .contains("run 'genesis gate' for that commit again")
                .contains(prefix + notification + " skipped: not a readable notification state (" + notification)
                .contains("neither sent nor sent again")
                .contains(prefix + lease + " is not a readable lease (" + lease + ", line 1")
                .contains("so it locks nothing", "then remove the file");
        assertThat(run.err().lines().filter(line -> line.contains(gate.toString())))
                .as("once")
                .hasSize(1);
        assertThat(run.err().lines().filter(line -> line.contains(lease.toString())))
                .as("once")
                .hasSize(1);
    }

    @Test
    @Timeout(120)
    void shouldTakeTheLockOverADamagedLeaseAndSaySo() throws IOException {
        Path lease = damaged("locks", "shop.staging.lease", "{\"holder\":\"r-1a2b3c4d5e6-abcdef\",\"own");

        Run run = recording.deployToStaging(state, "shop", "1.1.0", STEPS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("genesis deploy: warning: " + lease + " is not a readable lease");
        assertThat(run.out()).contains("took the lock on shop in staging");
    }

    /** A file of {@code kind} in the state directory, cut short as a torn write or a bad disk leaves it. */
    private Path damaged(String kind, String name, String content) throws IOException {
        Path directory = PrivateFiles.directory(state.resolve(kind));
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
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

    @Test
    @Timeout(120)
    void shouldCloseATornRolloutOfAnEndedProcessSoThatHistoryShowsItAndTheNextDeployRuns() throws Exception {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        String torn = "r-1a2b3c4d5e6-abcdef";
        Path file = tornCopyOfTheStoredRollout(torn);
        new FileRolloutLock(new StateDir(state).lockDir())
                .acquire(
                        new DeploymentKey("shop", "staging"),
                        torn,
                        EndedOwner.name(),
                        Instant.now(),
                        Duration.ofDays(1));

        Run history = Run.on(recording.host(), "history", "--state-dir", state.toString());

        assertThat(history.exitCode()).isZero();
        assertThat(history.err())
                .startsWith("genesis history: warning: closed rollout " + torn + " (shop in staging) FAILED in the"
                        + " history: its state file could not be read (" + file + ", line 1")
                .contains("its lock is released", "check by hand what shop in staging serves")
                .hasLineCount(1);
        DeploymentRecord closed = CommandLines.records(state).stream()
                .filter(r -> r.id().equals(torn))
                .findFirst()
                .orElseThrow();
        assertThat(closed.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(closed.version()).isEqualTo("1.0.0");
        assertThat(closed.notes()).anyMatch(n -> n.contains("it held the lock on shop in staging"));

        Run next = recording.deployToStaging(state, "shop", "1.1.0", STEPS);
        Run status = Run.on(recording.host(), "status", "--state-dir", state.toString());

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.err()).doesNotContain("warning");
        assertThat(status.err()).isEmpty();
        assertThat(status.out()).contains("1.1.0");
    }

    @Test
    void shouldCloseATornWatchStateWithANoteOnItsRolloutsRecord() throws Exception {
        recording.deployToStaging(state, "shop", "1.0.0", STEPS);
        DeploymentRecord deployed = CommandLines.records(state).get(0);
        Path watch = state.resolve("watches").resolve("w-1a2b3c4d5e6-abcdef.json");
        Files.createDirectories(watch.getParent());
        Files.writeString(
                watch,
                "{\"id\":\"w-1a2b3c4d5e6-abcdef\",\"revision\":12,\"request\":{\"key\":{\"application\":\"shop\","
                        + "\"environment\":\"staging\"},\"version\":\"1.0.0\",\"rolloutId\":\"" + deployed.id()
                        + "\",\"metr");
        // Left alone longer than any engine's claim lasts: nobody is running it.
        Files.setLastModifiedTime(watch, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        Run history = Run.on(recording.host(), "history", "--state-dir", state.toString(), "--details");

        assertThat(history.err())
                .startsWith("genesis history: warning: closed watch w-1a2b3c4d5e6-abcdef (shop in staging)")
                .contains("noted in the record of rollout " + deployed.id());
        assertThat(history.out()).contains("its post-deploy watch w-1a2b3c4d5e6-abcdef was closed unfinished");
        assertThat(CommandLines.records(state)).hasSize(1);
    }

    /** A copy of the one stored rollout under another id, cut in the middle as a torn write leaves it. */
    private Path tornCopyOfTheStoredRollout(String id) throws IOException {
        Path rollouts = state.resolve("rollouts");
        Path stored;
        try (var files = Files.list(rollouts)) {
            stored = files.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        String storedId = stored.getFileName().toString().replace(".json", "");
        String text = Files.readString(stored).replace(storedId, id);
        Path file = rollouts.resolve(id + ".json");
        Files.writeString(file, text.substring(0, text.length() / 2));
        return file;
    }
}
