package io.genesis.core.history.indexed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.genesis.core.board.BoardRow;
import io.genesis.core.board.DeploymentBoard;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.PageCountingStore;
import io.genesis.core.history.RecordLines;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.history.Retention;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job page's "what runs where" panel read from the indexes: what it reads, and that it stays true. */
class KeyIndexesTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "production");

    /** The store of {@link #writeTenThousand}, written once for the tests that only read it. */
    @TempDir
    static Path tenThousand;

    private static InMemoryHistoryStore scanned;

    @TempDir
    Path directory;

    /**
     * 10 000 records of 200 jobs in the folder {@code team}, each job deploying one of ten applications to
     * staging and production; every 17th rolled back. Also kept in a store that answers by scanning.
     */
    @BeforeAll
    static void writeTenThousand() {
        IndexedHistoryStore writer = new IndexedHistoryStore(tenThousand, false);
        scanned = new InMemoryHistoryStore();
        for (int i = 0; i < 10_000; i++) {
            int job = i % 200;
            DeploymentRecord record = TestRecords.of(
                    "r-" + i,
                    "app-" + (job % 10),
                    i % 400 < 200 ? "production" : "staging",
                    "team/job-" + job + "#" + (i / 200 + 1),
                    i % 17 == 0 ? RecordStatus.ROLLED_BACK : RecordStatus.SUCCEEDED,
                    i);
            writer.append(record);
            scanned.append(record);
        }
    }

    @Test
    void shouldReadAJobsPanelFromTheIndexesAndAFewRecordsOnly() throws IOException {
        AtomicLong bytesRead = new AtomicLong();
        IndexedHistoryStore metered = new IndexedHistoryStore(tenThousand, false, bytesRead::addAndGet);

        List<BoardRow> rows = DeploymentBoard.of(metered, List.of(), "team/job-13");

        // job 13 deploys app-3 to both environments; what runs there came from any job's build (job 3, 13, 23 ...)
        assertThat(rows)
                .extracting(BoardRow::application, BoardRow::environment)
                .containsExactly(tuple("app-3", "production"), tuple("app-3", "staging"));
        assertThat(rows).isEqualTo(DeploymentBoard.of(scanned, List.of(), "team/job-13"));
        assertThat(bytesRead.get()).isLessThan(panelBound(2));
        assertThat(bytesRead.get()).isLessThan(Files.size(tenThousand.resolve("records.jsonl")) / 100);
    }

    @Test
    void shouldReadAFolderBoardOverTwoHundredJobsFromTheIndexesAndAFewRecordsOnly() throws IOException {
        AtomicLong bytesRead = new AtomicLong();
        IndexedHistoryStore metered = new IndexedHistoryStore(tenThousand, false, bytesRead::addAndGet);

        List<BoardRow> rows = DeploymentBoard.of(metered, List.of(), "team");

        assertThat(rows).hasSize(20);
        assertThat(rows).isEqualTo(DeploymentBoard.of(scanned, List.of(), "team"));
        assertThat(bytesRead.get()).isLessThan(panelBound(20));
        assertThat(bytesRead.get()).isLessThan(Files.size(tenThousand.resolve("records.jsonl")) / 100);
    }

    @Test
    void shouldReadTheWholeJobTheOldWay() throws IOException {
        AtomicLong bytesRead = new AtomicLong();
        IndexedHistoryStore metered = new IndexedHistoryStore(tenThousand, false, bytesRead::addAndGet);
        // the interface's own answers: a scan of the job's records and of each key's
        HistoryStore scanning = new PageCountingStore(metered);

        List<BoardRow> rows = DeploymentBoard.of(scanning, List.of(), "team");

        assertThat(rows).hasSize(20);
        // every record of the folder once for its keys, then every record of each key: the data twice over
        assertThat(bytesRead.get()).isGreaterThan(Files.size(tenThousand.resolve("records.jsonl")));
    }

    @Test
    void shouldKeepTheKeyIndexesTrueThroughACrashARollbackAnImportAndACompaction() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        DeploymentRecord first = TestRecords.of("r-1", "shop", "production", "shop/main#1", RecordStatus.SUCCEEDED, 1);
        store.append(first);
        DeploymentRecord second = TestRecords.of("r-2", "shop", "production", "shop/main#2", RecordStatus.SUCCEEDED, 2);
        // the data line was written and forced, then the writer died before its index entries
        Files.write(directory.resolve("records.jsonl"), RecordLines.line(second), StandardOpenOption.APPEND);
        store.append(TestRecords.of("r-3", "cart", "staging", "shop/main#3", RecordStatus.FAILED, 3));

        assertThat(store.keys("shop")).containsExactly(new DeploymentKey("cart", "staging"), SHOP);
        assertThat(store.running(SHOP)).contains(second);
        assertThat(store.running(new DeploymentKey("cart", "staging"))).isEmpty();
        assertThat(store.verify()).isEmpty();

        store.append(second.rolledBackLater(
                "leak", second.endedAt().plusSeconds(5), second.endedAt().plusSeconds(6), second.endedAt()));
        assertThat(store.running(SHOP)).contains(first);
        // an older record imported after the newer: the key is marked, and the one that ended last runs
        store.append(TestRecords.of("r-0", "shop", "production", "shop/main#0", RecordStatus.SUCCEEDED, 0));
        assertThat(store.running(SHOP)).contains(first);
        assertThat(store.verify()).isEmpty();

        Files.delete(directory.resolve("index").resolve(Scopes.unordered(SHOP)));
        assertThat(store.verify()).singleElement().asString().contains("out of end order");
        store.rebuild();
        assertThat(store.verify()).isEmpty();
        assertThat(store.running(SHOP)).contains(first);

        store.compact(new Retention(1, java.time.Duration.ofDays(1)), TestRecords.T0.plusSeconds(86_400 * 30));
        assertThat(store.verify()).isEmpty();
        assertThat(store.running(SHOP)).contains(first);
        assertThat(store.keys("shop/main")).containsExactly(new DeploymentKey("cart", "staging"), SHOP);
    }

    @Test
    void shouldRebuildAnIndexOfTheVersionBeforeTheKeyIndexes() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        DeploymentRecord record = TestRecords.of("r-1", "shop", "production", "shop/main#1", RecordStatus.SUCCEEDED, 1);
        store.append(record);
        // as a store written before the key indexes: version 1, no key index, no index of what may run
        try (Stream<Path> indexes = Files.list(directory.resolve("index"))) {
            for (Path index : indexes.toList()) {
                if (index.getFileName().toString().startsWith("jk-")
                        || index.getFileName().toString().startsWith("s-")) {
                    Files.delete(index);
                }
            }
        }
        Path all = directory.resolve("index").resolve(Scopes.ALL);
        try (var channel = java.nio.channels.FileChannel.open(all, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).putInt(1).flip(), 4);
        }

        assertThat(store.keys("shop/main")).containsExactly(SHOP);
        assertThat(store.running(SHOP)).contains(record);
        assertThat(store.verify()).isEmpty();
    }

    /**
     * What a panel of {@code keys} rows may read: per session (the key list, then one per key) the index
     * of every record's header; the key list's header, entries and one record per key; and per key two
     * index headers, one block of entries from the end of its index of what may run, and one record.
     */
    private static long panelBound(int keys) {
        long line = 400; // a TestRecords line is about 300 bytes
        long sessions = keys + 1L;
        return sessions * IndexFile.HEADER
                + IndexFile.HEADER
                + keys * (IndexFile.ENTRY + line)
                + keys * (2L * IndexFile.HEADER + 16L * IndexFile.ENTRY + line);
    }
}
