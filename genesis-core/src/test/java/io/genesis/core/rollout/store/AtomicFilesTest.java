package io.genesis.core.rollout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void shouldReplaceTheWholeFileAndLeaveNoTemporaryFileBehind() throws IOException {
        Path file = directory.resolve("a/b/state.json");
        AtomicFiles.write(file, "first, and longer".getBytes(StandardCharsets.UTF_8), true);

        AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8), true);

        assertThat(Files.readString(file)).isEqualTo("second");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldLeaveTheOldContentWhenTheNewCannotBeWritten() throws IOException {
        Path file = directory.resolve("state.json");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8), false);
        Files.createDirectories(directory.resolve("blocked.json"));
        Files.writeString(directory.resolve("blocked.json/inside"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(directory.resolve("blocked.json"), new byte[] {1}, false))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(AtomicFiles.TEMPORARY_PREFIX));
        }
    }

    @Test
    void shouldToleratePathsThatCannotBeForced() {
        AtomicFiles.forceDirectory(directory.resolve("does-not-exist"));
        assertThat(directory).exists();
    }
}
