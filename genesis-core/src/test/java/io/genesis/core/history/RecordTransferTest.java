package io.genesis.core.history;

import static io.genesis.core.history.HistoryStoreContract.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.indexed.IndexedHistoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordTransferTest {

    @TempDir
    Path directory;

    @Test
    void shouldExportOldestFirstAndImportIntoAnotherStoreTheSame() throws IOException {
        JsonLinesHistoryStore from = new JsonLinesHistoryStore(directory.resolve("history.jsonl"));
        DeploymentRecord first = record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        from.append(first);
        from.append(record("r-2", "cart", "staging", RecordStatus.FAILED, 2));
        from.append(first.rolledBackLater(
                "leak", HistoryStoreContract.T0, HistoryStoreContract.T0, HistoryStoreContract.T0));
        Path file = directory.resolve("export.jsonl");

        assertThat(RecordTransfer.export(from, file)).isEqualTo(2);
        IndexedHistoryStore into = new IndexedHistoryStore(directory.resolve("indexed"));
        assertThat(RecordTransfer.importInto(file, into)).isEqualTo(2);
        assertThat(RecordTransfer.importInto(file, into)).isEqualTo(2);

        assertThat(Files.readAllLines(file)).hasSize(2).first().asString().startsWith("{\"id\":\"r-2\"");
        assertThat(into.all(HistoryQuery.newest(1))).isEqualTo(from.all(HistoryQuery.newest(1)));
        assertThatThrownBy(() -> RecordTransfer.export(from, file))
                .hasMessage(
                        file + " exists already; an export never overwrites a file: remove it or name another file");
    }

    @Test
    void shouldCarryTheCommitTimeAndImportLinesWrittenBeforeIt() throws IOException {
        java.time.Instant committed = java.time.Instant.parse("2026-11-27T07:30:00Z");
        DeploymentRecord with = HistoryStoreContract.withCommitTime(
                record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1), committed);
        String line = new String(RecordLines.line(with), StandardCharsets.UTF_8);
        // A line of an export made before records carried a commit time: the same record without the field.
        String old = new String(
                RecordLines.line(record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2)), StandardCharsets.UTF_8);
        Path file = directory.resolve("import.jsonl");
        Files.writeString(file, line + old);

        List<DeploymentRecord> read = RecordTransfer.read(file);

        assertThat(line).contains("\"commitTime\":\"2026-11-27T07:30:00Z\"");
        assertThat(old).doesNotContain("commitTime");
        assertThat(read).extracting(DeploymentRecord::id).containsExactly("r-1", "r-2");
        assertThat(read.get(0)).isEqualTo(with);
        assertThat(read.get(1).committedAt()).isEmpty();
    }

    @Test
    void shouldNameTheFileAndEveryBadLineAndImportNothing() throws IOException {
        Path file = directory.resolve("import.jsonl");
        String good = new String(
                RecordLines.line(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1)), StandardCharsets.UTF_8);
        Files.writeString(file, good + "\nnot json\n{\"id\":\"\"}\n" + good);
        InMemoryHistoryStore into = new InMemoryHistoryStore();

        assertThatThrownBy(() -> RecordTransfer.importInto(file, into))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "cannot import " + file + ": 2 lines are not a valid deployment record, so nothing"
                                + " was imported:\n  " + file + " line 3: ")
                .hasMessageContaining("\n  " + file + " line 4: ")
                .hasMessageEndingWith(
                        "fix: correct or remove those lines (one record as one JSON object a line, as genesis"
                                + " history --export writes them) and import again");
        assertThat(into.page(HistoryQuery.newest(5)).records()).isEmpty();
        assertThatThrownBy(() -> RecordTransfer.read(directory.resolve("missing.jsonl")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.jsonl does not exist: name a file written by genesis history --export");
    }

    @Test
    void shouldListTwentyBadLinesAndCountTheRest() throws IOException {
        Path file = directory.resolve("bad.jsonl");
        Files.writeString(file, "x\n".repeat(25));

        assertThatThrownBy(() -> RecordTransfer.read(file))
                .hasMessageContaining("25 lines are not")
                .hasMessageContaining("line 20: ")
                .hasMessageNotContaining("line 21: ")
                .hasMessageContaining("... and 5 more");
    }

    @Test
    void shouldMoveALegacyFileOnceAndKeepItRenamed() throws IOException {
        Path legacy = directory.resolve("history.jsonl");
        JsonLinesHistoryStore old = new JsonLinesHistoryStore(legacy);
        old.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1));
        old.append(record("r-2", "shop", "staging", RecordStatus.SUCCEEDED, 2));
        Files.writeString(legacy, "{\"torn", java.nio.file.StandardOpenOption.APPEND);
        List<DeploymentRecord> before = old.all(HistoryQuery.newest(1));
        IndexedHistoryStore store = new IndexedHistoryStore(directory.resolve("records"));

        assertThat(LegacyHistory.migrate(legacy, store))
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("moved 2 deployment records from " + legacy
                                + " into the indexed store; the old file is kept as history.jsonl.migrated")
                        .contains("not moved: history.jsonl line 3 skipped: torn last line"));
        assertThat(LegacyHistory.migrate(legacy, store)).isEmpty();

        assertThat(store.all(HistoryQuery.newest(1))).isEqualTo(before);
        assertThat(legacy).doesNotExist();
        assertThat(directory.resolve("history.jsonl.migrated")).exists();
        Files.writeString(
                legacy,
                new String(
                        RecordLines.line(record("r-3", "cart", "staging", RecordStatus.SUCCEEDED, 3)),
                        StandardCharsets.UTF_8));
        assertThat(LegacyHistory.migrate(legacy, store)).isPresent();
        assertThat(directory.resolve("history.jsonl.migrated-2")).exists();
        assertThat(store.page(HistoryQuery.newest(10)).total()).isEqualTo(3);
    }
}
