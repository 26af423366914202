package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
