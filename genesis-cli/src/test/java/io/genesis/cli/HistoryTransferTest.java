package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTransferTest {

    @TempDir
    Path directory;

    private final RecordingKind recording = new RecordingKind();

    @Test
    void shouldCarryTheHistoryToAnotherStateDirectory() throws IOException {
        Path runner = directory.resolve("runner");
        Path laptop = directory.resolve("laptop");
        recording.deployToStaging(runner, "shop", "1.1.0", "deploy; promote");
        recording.deployToStaging(runner, "cart", "2.0.0", "deploy; promote");
        Path file = directory.resolve("records.jsonl");

        Run exported = Run.of("history", "--state-dir", runner.toString(), "--export", file.toString());
        Run imported = Run.of("history", "--state-dir", laptop.toString(), "--import", file.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo("genesis history: exported 2 records to " + file + "\n");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("genesis history: imported 2 records from " + file + "\n");
        assertThat(Files.readAllLines(laptop.resolve("history.jsonl")))
                .isEqualTo(Files.readAllLines(runner.resolve("history.jsonl")));
        Run listed = Run.of("history", "--state-dir", laptop.toString());
        assertThat(listed.out())
                .contains("2 of 2 records")
                .contains("cart", "2.0.0")
                .contains("shop", "1.1.0");
    }

    @Test
    void shouldRefuseABadFileNamingItsLineAndAnExistingExport() throws IOException {
        Path state = directory.resolve("state");
        Path file = directory.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\":\"r-1\"}\n");

        Run imported = Run.of("history", "--state-dir", state.toString(), "--import", file.toString());
        Run exported = Run.of("history", "--state-dir", state.toString(), "--export", file.toString());
        Run both = Run.of("history", "--state-dir", state.toString(), "--export", "a", "--import", "b");

        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err())
                .startsWith("genesis history: cannot import " + file + ": 1 line is not a valid deployment record")
                .contains(file + " line 1: ");
        assertThat(state.resolve("history.jsonl")).doesNotExist();
        assertThat(exported.exitCode()).isEqualTo(2);
        assertThat(exported.err()).contains(file + " exists already");
        assertThat(both.err()).isEqualTo("genesis history: give --export or --import, not both\n");
    }
}
