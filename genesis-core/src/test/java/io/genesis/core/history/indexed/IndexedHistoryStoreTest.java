package io.genesis.core.history.indexed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordLines;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.history.Retention;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedHistoryStoreTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "production");

    @TempDir
    Path directory;

    private Path data() {
        return directory.resolve("records.jsonl");
    }

    @Test
    void shouldReadTheNewestPageFromTheIndexAndTheNewestRecordsOnly() throws IOException {
        IndexedHistoryStore writer = new IndexedHistoryStore(directory, false);
        int total = 10_000;
        for (int i = 0; i < total; i++) {
            String application = i % 2 == 0 ? "shop" : "cart";
            writer.append(
                    TestRecords.of("r-" + i, application, "production", "shop/main#" + i, RecordStatus.SUCCEEDED, i));
        }
        AtomicLong bytesRead = new AtomicLong();
        IndexedHistoryStore metered = new IndexedHistoryStore(directory, false, bytesRead::addAndGet);

        HistoryPage page = metered.page(HistoryQuery.of(SHOP, 20));

        assertThat(page.total()).isEqualTo(total / 2);
        assertThat(page.records())
                .extracting(DeploymentRecord::id)
                .startsWith("r-9998", "r-9996")
                .endsWith("r-9960")
                .hasSize(20);
        long newestLines = page.records().stream()
                .mapToLong(record -> RecordLines.line(record).length - 1)
                .sum();
        // two index headers (every record's, to find lines a crash left unindexed, and the key's), one
        // block of the key's index entries from its end (twice the page), and the 20 lines of the page: nothing else
        long bound = 2L * IndexFile.HEADER + 2L * 20 * IndexFile.ENTRY + newestLines;
        assertThat(bytesRead.get()).isBetween(newestLines, bound);
        assertThat(bytesRead.get()).isLessThan(Files.size(data()) / 100);
    }

    @Test
    void shouldListARecordReplacedByALaterLineOnceInEveryIndex() {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        DeploymentRecord first = TestRecords.of("r-1", "shop", "production", "shop/main#1", RecordStatus.SUCCEEDED, 1);
        store.append(first);
        store.append(TestRecords.of("r-2", "shop", "production", "shop/main#2", RecordStatus.SUCCEEDED, 2));
        DeploymentRecord rolledBack = first.rolledBackLater(
                "memory leak",
                first.endedAt().plusSeconds(5),
                first.endedAt().plusSeconds(6),
                first.endedAt().plusSeconds(7));

        store.append(rolledBack);

        for (HistoryQuery query : List.of(
                HistoryQuery.newest(10),
                HistoryQuery.of(SHOP, 10),
                HistoryQuery.newest(10).ofJob("shop/main"),
                HistoryQuery.of(SHOP, 10).ofJob("shop/main"))) {
            HistoryPage page = store.page(query);
            assertThat(page.records())
                    .as(query.toString())
                    .extracting(DeploymentRecord::id)
                    .containsExactly("r-1", "r-2");
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.records().get(0).status()).isEqualTo(RecordStatus.ROLLED_BACK);
        }
        assertThat(store.page(new HistoryQuery(SHOP, 1, 1)).records())
                .extracting(DeploymentRecord::id)
                .containsExactly("r-2");
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void shouldReportATornLastLineAndKeepAppendingOnAFreshLine() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        store.append(TestRecords.of("r-1", "shop", "production", "shop/main#1", RecordStatus.SUCCEEDED, 1));
        Files.writeString(data(), "{\"id\":\"r-2\",\"applica", StandardOpenOption.APPEND);

        HistoryPage torn = store.page(HistoryQuery.of(SHOP, 10));
        store.append(TestRecords.of("r-3", "shop", "production", "shop/main#3", RecordStatus.SUCCEEDED, 3));

        assertThat(torn.records()).extracting(DeploymentRecord::id).containsExactly("r-1");
        assertThat(torn.problems())
                .singleElement()
                .asString()
                .startsWith(
                        "records.jsonl line 2 skipped: torn last line (a write was cut short, most likely by a crash)");
        HistoryPage after = store.page(HistoryQuery.of(SHOP, 10));
        assertThat(after.records()).extracting(DeploymentRecord::id).containsExactly("r-3", "r-1");
        assertThat(after.problems()).hasSize(1);
        assertThat(Files.readAllLines(data())).hasSize(3);
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void shouldIndexALineThatACrashLeftOutOfTheIndex() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        store.append(TestRecords.of("r-1", "shop", "production", "shop/main#1", RecordStatus.SUCCEEDED, 1));
        // the data line was written and forced, then the writer died before its index entries
        Files.write(
                data(),
                RecordLines.line(TestRecords.of("r-2", "shop", "production", "shop/main#2", RecordStatus.SUCCEEDED, 2)),
                StandardOpenOption.APPEND);

        assertThat(store.page(HistoryQuery.of(SHOP, 10).ofJob("shop/main")).records())
                .extracting(DeploymentRecord::id)
                .containsExactly("r-2", "r-1");
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void shouldRebuildAnIndexThatDisagreesWithTheData() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        for (int i = 0; i < 5; i++) {
            store.append(TestRecords.of("r-" + i, "shop", "production", "shop/main#" + i, RecordStatus.SUCCEEDED, i));
        }
        Path keyIndex;
        try (var files = Files.list(directory.resolve("index"))) {
            keyIndex = files.filter(f -> f.getFileName().toString().startsWith("k-"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(keyIndex);
        // the newest entry now points at the first line's offset: the index names r-4 but the line is r-0
        System.arraycopy(bytes, IndexFile.HEADER, bytes, IndexFile.HEADER + 4 * IndexFile.ENTRY, 8);
        Files.write(keyIndex, bytes);
        assertThat(store.verify()).isNotEmpty();

        assertThat(store.page(HistoryQuery.of(SHOP, 2)).records())
                .extracting(DeploymentRecord::id)
                .containsExactly("r-4", "r-3");
        assertThat(store.verify()).isEmpty();

        Files.write(directory.resolve("index").resolve("all.idx"), "garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.page(HistoryQuery.newest(10)).total()).isEqualTo(5);
        Files.delete(directory.resolve("index").resolve("all.idx"));
        assertThat(store.page(HistoryQuery.of(SHOP, 10)).total()).isEqualTo(5);
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void shouldCompactByCountAndAgeButKeepWhatRunsNow() throws IOException {
        IndexedHistoryStore store = new IndexedHistoryStore(directory);
        // shop/main: five records a day apart; the oldest succeeded, the later four failed
        for (int day = 0; day < 5; day++) {
            store.append(TestRecords.of(
                    "m-" + day,
                    "shop",
                    "production",
                    "shop/main#" + day,
                    day == 0 ? RecordStatus.SUCCEEDED : RecordStatus.FAILED,
                    day * 24 * 60));
        }
        // another job of the same key keeps its own newest records
        store.append(TestRecords.of("f-0", "shop", "production", "shop/feature#1", RecordStatus.FAILED, 0));
        Files.writeString(data(), "not json\n", StandardOpenOption.APPEND);

        Compaction.Result result =
                store.compact(new Retention(2, Duration.ofDays(1)), TestRecords.T0.plus(Duration.ofDays(4)));

        assertThat(result).isEqualTo(new Compaction.Result(4, 2, 1));
        assertThat(store.all(HistoryQuery.of(SHOP, 10)))
                .extracting(DeploymentRecord::id)
                .containsExactly("f-0", "m-4", "m-3", "m-0");
        assertThat(store.verify()).isEmpty();
        assertThat(store.problems()).isEmpty();
        assertThat(Files.readString(directory.resolve("unreadable.jsonl"))).isEqualTo("not json\n");
        assertThat(store.compact(Retention.DEFAULT, TestRecords.T0)).isEqualTo(new Compaction.Result(4, 0, 0));
    }

    @Test
    void shouldRefuseARetentionThatKeepsNothing() {
        assertThatThrownBy(() -> new Retention(0, Duration.ZERO))
                .hasMessage("history retention keep must be at least 1 (the newest record of each key), got 0");
        assertThatThrownBy(() -> new Retention(5, Duration.ofDays(-1)))
                .hasMessageContaining("keepFor must not be negative, got PT-24H");
    }

    @Test
    void shouldSayWhichStoreItCouldNotWrite() throws IOException {
        Path blocker = directory.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        IndexedHistoryStore store = new IndexedHistoryStore(blocker.resolve("history"));

        assertThatThrownBy(
                        () -> store.append(TestRecords.of("r-1", "shop", "production", "", RecordStatus.SUCCEEDED, 1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not append deployment record r-1 to " + blocker.resolve("history"));
    }
}
