package io.genesis.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path directory;

    @Override
    protected HistoryStore store() {
        return new JsonLinesHistoryStore(directory.resolve("history.jsonl"));
    }

    @Test
    void shouldKeepTheBuildDateAndReadRecordsWrittenBeforeIt() throws IOException {
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(directory.resolve("history.jsonl"));
        DeploymentRecord old = record("r-old", "shop", "staging", RecordStatus.SUCCEEDED, 1);
        DeploymentRecord built = record("r-built", "shop", "staging", RecordStatus.SUCCEEDED, 2);
        java.time.Instant date = java.time.Instant.parse("2026-12-07T06:00:00Z");
        DeploymentRecord withDate = new DeploymentRecord(
                built.id(),
                built.application(),
                built.environment(),
                built.version(),
                built.commit(),
                built.ref(),
                "https://ci.example.com/job/shop/42/",
                built.strategy(),
                built.initiator(),
                built.target(),
                built.startedAt(),
                built.endedAt(),
                built.status(),
                built.reason(),
                built.phases(),
                built.approvals(),
                built.analyses(),
                built.notes(),
                null,
                null,
                null,
                null,
                null,
                date,
                null);

        store.append(old);
        store.append(withDate);

        assertThat(Files.readAllLines(store.file()).get(0)).doesNotContain("buildDate");
        assertThat(Files.readAllLines(store.file()).get(1)).contains("\"buildDate\":\"2026-12-07T06:00:00Z\"");
        List<DeploymentRecord> read = store.all(HistoryQuery.newest(1));
        assertThat(read).extracting(DeploymentRecord::id).containsExactly("r-built", "r-old");
        assertThat(read.get(0).builtAt()).contains(date);
        assertThat(read.get(0).build()).isEqualTo("https://ci.example.com/job/shop/42/");
        assertThat(read.get(1).builtAt()).isEmpty();
        assertThat(read.get(1).rolledBackLater("why", date, date, date).buildDate())
                .isNull();
        assertThat(read.get(0).rolledBackLater("why", date, date, date).buildDate())
                .isEqualTo(date);
    }

    @Test
    void shouldWriteOneRecordPerLine() throws IOException {
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(directory.resolve("deep/er/history.jsonl"));
        DeploymentRecord record = record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1);

        store.append(record);

        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("{\"id\":\"r-1\",\"application\":\"shop\"")
                .contains("\"startedAt\":\"2026-11-27T10:01:00Z\"")
                .doesNotContain("timeToRestore");
    }

    @Test
    void shouldSkipAndReportATornLastLineThenAppendOnAFreshLine() throws IOException {
        JsonLinesHistoryStore store = (JsonLinesHistoryStore) store();
        store.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1));
        Files.writeString(store.file(), "{\"id\":\"r-2\",\"applica", StandardOpenOption.APPEND);

        HistoryPage torn = store.page(HistoryQuery.newest(10));

        assertThat(torn.records()).extracting(DeploymentRecord::id).containsExactly("r-1");
        assertThat(torn.problems())
                .singleElement()
                .asString()
                .startsWith(
                        "history.jsonl line 2 skipped: torn last line (a write was cut short, most likely by a crash)");

        store.append(record("r-3", "shop", "staging", RecordStatus.SUCCEEDED, 3));

        HistoryPage after = store.page(HistoryQuery.newest(10));
        assertThat(after.records()).extracting(DeploymentRecord::id).containsExactly("r-3", "r-1");
        assertThat(after.problems())
                .singleElement()
                .asString()
                .startsWith("history.jsonl line 2 skipped: not a valid record");
    }

    @Test
    void shouldSkipLinesThatAreNotRecords() throws IOException {
        JsonLinesHistoryStore store = (JsonLinesHistoryStore) store();
        Files.writeString(store.file(), "\n{\"id\":\"\"}\nnot json\n", StandardCharsets.UTF_8);
        store.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1));

        JsonLinesHistoryStore.Contents contents = store.read();

        assertThat(contents.records()).extracting(DeploymentRecord::id).containsExactly("r-1");
        assertThat(contents.problems()).hasSize(2);
    }

    @Test
    void shouldReadNothingFromAFileThatDoesNotExistYet() {
        assertThat(store().page(HistoryQuery.newest(5)).records()).isEmpty();
    }

    @Test
    void shouldLoseNoRecordUnderConcurrentAppendsFromThreadsAndStores() throws Exception {
        Path file = directory.resolve("history.jsonl");
        List<JsonLinesHistoryStore> stores = List.of(
                new JsonLinesHistoryStore(file),
                new JsonLinesHistoryStore(file),
                new JsonLinesHistoryStore(file, false));
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    stores.get((thread + i) % stores.size())
                            .append(record("r-" + thread + "-" + i, "shop", "staging", RecordStatus.SUCCEEDED, i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        JsonLinesHistoryStore.Contents contents = stores.get(0).read();
        Set<String> ids = new HashSet<>();
        contents.records().forEach(r -> ids.add(r.id()));
        assertThat(contents.problems()).isEmpty();
        assertThat(ids).hasSize(threads * perThread);
        assertThat(Files.readAllLines(file)).hasSize(threads * perThread);
    }

    @Test
    void shouldCompactByEachEnvironmentsRetentionKeepingUnreadableLines() throws IOException {
        JsonLinesHistoryStore store = (JsonLinesHistoryStore) store();
        store.append(record("p-1", "shop", "production", RecordStatus.SUCCEEDED, 1));
        store.append(record("p-2", "shop", "production", RecordStatus.ROLLED_BACK, 2));
        store.append(record("s-1", "shop", "staging", RecordStatus.SUCCEEDED, 3));
        Files.writeString(store.file(), "not json\n", StandardOpenOption.APPEND);
        store.append(record("p-2", "shop", "production", RecordStatus.FAILED, 2));
        store.append(record("p-3", "shop", "production", RecordStatus.SUCCEEDED, 4));
        RecordRetention retention = RecordRetention.of(Map.of("production", new Retention(1, Duration.ofDays(1))));

        JsonLinesHistoryStore.Compacted compacted = store.compact(retention, T0.plus(Duration.ofDays(2)));

        assertThat(compacted).isEqualTo(new JsonLinesHistoryStore.Compacted(2, 2));
        assertThat(store.read().records()).extracting(DeploymentRecord::id).containsExactly("s-1", "p-3");
        assertThat(Files.readAllLines(store.file())).hasSize(3).contains("not json");
        assertThat(store.compact(retention, T0.plus(Duration.ofDays(2))))
                .isEqualTo(new JsonLinesHistoryStore.Compacted(2, 0));
        store.append(record("p-4", "shop", "production", RecordStatus.SUCCEEDED, 5));
        assertThat(store.read().records()).extracting(DeploymentRecord::id).containsExactly("s-1", "p-3", "p-4");
    }

    @Test
    void shouldLoseNoAppendWhileCompactionsReplaceTheFile() throws Exception {
        JsonLinesHistoryStore store = (JsonLinesHistoryStore) store();
        JsonLinesHistoryStore other = new JsonLinesHistoryStore(store.file());
        int appends = 200;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> writing = pool.submit(() -> {
            for (int i = 0; i < appends; i++) {
                other.append(record("r-" + i, "shop", "staging", RecordStatus.SUCCEEDED, i));
            }
            return null;
        });
        Future<?> compacting = pool.submit(() -> {
            while (!writing.isDone()) {
                // Keeps everything, but rewrites the file whenever an earlier line was replaced.
                store.append(record("r-0", "shop", "staging", RecordStatus.SUCCEEDED, 0));
                store.compact(RecordRetention.DEFAULT, T0);
            }
            return null;
        });
        writing.get(60, TimeUnit.SECONDS);
        compacting.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(store.read().records()).hasSize(appends);
        assertThat(store.read().problems()).isEmpty();
    }

    @Test
    void shouldSayWhichFileItCouldNotWrite() throws IOException {
        Path blocker = directory.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        JsonLinesHistoryStore store = new JsonLinesHistoryStore(blocker.resolve("history.jsonl"));

        assertThatThrownBy(() -> store.append(record("r-1", "shop", "staging", RecordStatus.SUCCEEDED, 1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not append deployment record r-1 to");
        assertThatThrownBy(() -> new JsonLinesHistoryStore(directory).read())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not read deployment history");
    }
}
