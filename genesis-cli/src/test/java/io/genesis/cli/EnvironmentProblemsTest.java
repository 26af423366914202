package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the user or the machine got wrong ends with exit code 2 and what to fix, never an internal error. */
class EnvironmentProblemsTest {

    @TempDir
    Path temp;

    private final RecordingKind recording = new RecordingKind();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "history |",
                "status |",
                "rollback | --application shop --environment staging --reason r",
                "deploy | --application shop --environment staging --target recording --steps deploy;promote"
            })
    void shouldSayWhatToFixWhenTheStateDirectoryIsAFile(String command, String more) throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        List<String> args = new ArrayList<>(
                List.of(command, "--state-dir", file.resolve("below").toString()));
        if (more != null) {
            args.addAll(List.of(more.split(" ")));
        }
        if (command.equals("deploy")) {
            args.addAll(List.of("--commit", CommandLines.COMMIT));
        }

        Run run = Run.on(recording.host(), args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(file.toString())
                .contains("fix:")
                .doesNotContain("internal error")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+Exception")
                .doesNotContain("Usage:");
    }

    /**
     * A file where the state directory keeps one of its folders: refused before anything starts, with one fix.
     * A file named {@code locks} made a deploy try to take its lock again and again, without end.
     */
    @ParameterizedTest
    @CsvSource({
        "rollouts, deploy",
        "locks, deploy",
        "watches, deploy",
        "gates, deploy",
        "notifications, deploy",
        "requests, deploy",
        "locks, status",
        "locks, history"
    })
    void shouldRefuseAFileWhereTheStateDirectoryKeepsAFolder(String folder, String command) throws IOException {
        // given
        Path state = temp.resolve("state");
        PrivateFiles.directory(state);
        Path file = Files.writeString(state.resolve(folder), "");

        // when
        Run run = command.equals("deploy")
                ? recording.deployToStaging(state, "shop", "1.0.0", "deploy; promote")
                : Run.on(recording.host(), command, "--state-dir", state.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err())
                .contains(file + " is not a directory; fix: remove it or choose another state directory")
                .containsOnlyOnce("fix:")
                .doesNotContain("internal error", "will be tried again");
        assertThat(state.resolve("history.jsonl")).as("nothing ran").doesNotExist();
    }

    @Test
    void shouldRefuseADeployWhoseTargetLockCannotBeReachedAndLeaveNothingBehind() {
        recording.lock = Optional.of(new Unreachable());
        Path state = temp.resolve("state");

        Run run = Run.on(
                recording.host(),
                CommandLines.deploy(
                        state,
                        "shop",
                        "--environment",
                        "staging",
                        "--target",
                        RecordingKind.NAME,
                        "--steps",
                        "deploy; promote"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis deploy: could not start: the API at 127.0.0.1:1 refused the connection")
                .contains("nothing was started or left behind")
                .doesNotContain("internal error")
                .doesNotContain("TargetException");
        assertThat(new StateDir(state).states().list()).isEmpty();
        recording.lock = Optional.empty();
        Run next = recording.deployToStaging(state, "shop", "1.0.1", "deploy; promote");
        assertThat(next.exitCode()).as(next.err()).isZero();
    }

    /** A target lock whose API refuses every connection, as a Kubernetes API that is down does. */
    private static final class Unreachable implements RolloutLock {
        private static TargetException refused() {
            return new TargetException("the API at 127.0.0.1:1 refused the connection; check the address");
        }

        @Override
        public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
            throw refused();
        }

        @Override
        public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
            throw refused();
        }

        @Override
        public void release(DeploymentKey key, String holder) {
            throw refused();
        }

        @Override
        public Optional<Lease> current(DeploymentKey key) {
            throw refused();
        }
    }
}
