package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
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
