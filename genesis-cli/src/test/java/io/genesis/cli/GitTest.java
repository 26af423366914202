package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTest {

    @Test
    void shouldReadTheCommitOfThisCheckout() {
        // The tests run inside the project's own git checkout (a work tree or a clone).
        assertThat(Git.head(Path.of("").toAbsolutePath()))
                .hasValueSatisfying(sha -> assertThat(sha).matches("[0-9a-f]{40}"));
    }

    @Test
    void shouldFindNothingOutsideACheckout(@TempDir Path elsewhere) {
        assertThat(Git.head(elsewhere)).isEmpty();
    }

    @Test
    void shouldReadTheCommitTimeAsGitKnowsItAndSayWhyNot(@TempDir Path directory) throws Exception {
        TestRepository checkout = TestRepository.withOneCommit(directory.resolve("checkout"));

        assertThat(Git.commitTime(checkout.directory(), checkout.head()))
                .isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
        // The README's blob is no commit: refused, not read as a time.
        String blob = checkout.git("rev-parse", "HEAD:README");
        assertThatThrownBy(() -> Git.commitTime(checkout.directory(), blob))
                .isInstanceOf(Git.GitException.class)
                .hasMessageContaining("failed (exit 128");
        assertThatThrownBy(() -> Git.commitTime(directory, checkout.head()))
                .isInstanceOf(Git.GitException.class)
                .hasMessageContaining("not a git repository");
    }

    @Test
    void shouldStopACommandThatOutlivesItsTimeout(@TempDir Path directory) {
        // A command that would hang (sleep stands in for a git that never answers) is killed at its deadline.
        assertThatThrownBy(() -> Git.run(List.of("sleep", "60"), "sleep 60", directory, Duration.ofMillis(200)))
                .isInstanceOf(Git.GitException.class)
                .hasMessage("'sleep 60' in " + directory + " took more than 200 ms and was stopped");
    }
}
