package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.target.TargetException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Read-only file system | is on a read-only file system; fix: choose a writable --state-dir",
                "No space left on device | no space left on the device of /s/rollouts/r.json; fix: free space there",
                "Not a directory | is a file, not a directory; fix: choose another --state-dir"
            })
    void shouldTellWhatToFixWhenTheStateDirectoryCannotBeWritten(String reason, String expected) {
        FileSystemException cause = new FileSystemException("/s/rollouts/r.json", null, reason);
        UncheckedIOException e =
                new UncheckedIOException("could not store rollout r in /s/rollouts: " + cause.getMessage(), cause);

        Failure failure = Failure.of(e);

        assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(failure.message())
                .startsWith("could not store rollout r in /s/rollouts: ")
                .contains(expected)
                .doesNotContain("Exception");
    }

    @Test
    void shouldNameThePermissionThatIsMissing() {
        AccessDeniedException cause = new AccessDeniedException("/s/history.jsonl");

        Failure failure = Failure.of(new UncheckedIOException("could not append record r to /s/history.jsonl", cause));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(failure.message()).contains("permission denied on /s/history.jsonl; fix: give your user write");
    }

    @Test
    void shouldPassATargetsOwnWordsOn() {
        Failure failure = Failure.of(new IllegalStateException("wrapped", new TargetException("the API is down")));

        assertThat(failure).isEqualTo(new Failure(ExitCode.USAGE, "the API is down"));
    }

    @Test
    void shouldCallOnlyABugAnInternalError() {
        Failure failure = Failure.of(new NullPointerException("x"));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(failure.message()).startsWith("internal error (a bug in genesis");
    }
}
