package io.genesis.benchmarks.history;

import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordLines;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.history.indexed.IndexedHistoryStore;
import io.genesis.core.target.DeploymentKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation reads the newest page (20 records) of one application and environment from a store of
 * {@link #deployments} records over ten applications and environments, each of three jobs: from the
 * indexed store ({@code indexed}, which seeks to the end of the key's index and reads those 20 lines)
 * and from the single JSON-lines file ({@code jsonLines}, which reads and parses every line). Both hold
 * the same lines; the setup checks that both answer the same page (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryPageBenchmark {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final DeploymentKey KEY = new DeploymentKey("app-3", "production");
    private static final HistoryQuery PAGE = HistoryQuery.of(KEY, 20);

    @Param({"10000", "100000"})
    public int deployments;

    private Path directory;
    private IndexedHistoryStore indexed;
    private JsonLinesHistoryStore jsonLines;

    /** Writes the records once as JSON lines, indexes them, and checks that both stores agree. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        directory = Files.createTempDirectory("genesis-history-bench");
        Path lines = directory.resolve("history.jsonl");
        writeRecords(lines, deployments);
        Path store = Files.createDirectories(directory.resolve("indexed"));
        Files.copy(lines, store.resolve("records.jsonl"));
        indexed = new IndexedHistoryStore(store, false);
        indexed.rebuild();
        jsonLines = new JsonLinesHistoryStore(lines, false);
        HistoryPage fromIndex = indexed.page(PAGE);
        HistoryPage fromScan = jsonLines.page(PAGE);
        if (!fromIndex.equals(fromScan) || fromIndex.records().size() != 20) {
            throw new IllegalStateException("the stores disagree on the newest page: " + fromIndex.total() + " vs "
                    + fromScan.total() + " records");
        }
    }

    @Benchmark
    public HistoryPage indexed() {
        return indexed.page(PAGE);
    }

    @Benchmark
    public HistoryPage jsonLines() {
        return jsonLines.page(PAGE);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        deleteTree(directory);
    }

    /** Writes records 0 to {@code count - 1} ({@link #record}) to {@code file} as JSON lines. */
    static void writeRecords(Path file, int count) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < count; i++) {
                out.write(RecordLines.line(record(i)));
            }
        }
    }

    /** Deletes {@code directory} and everything in it. */
    static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** A record as a blue-green deploy leaves it: phases, an approval and a note, about 1 KB as JSON. */
    static DeploymentRecord record(int i) {
        Instant started = T0.plus(Duration.ofMinutes(10L * i));
        Instant ended = started.plus(Duration.ofMinutes(9));
        String application = "app-" + (i % 5);
        String environment = i % 10 < 5 ? "production" : "staging";
        List<PhaseRecord> phases = List.of(
                new PhaseRecord(1, "deploy", "deploy candidate", started, started.plusSeconds(40), "completed", ""),
                new PhaseRecord(
                        2, "weight", "shift 10 %", started.plusSeconds(40), started.plusSeconds(160), "completed", ""),
                new PhaseRecord(
                        3,
                        "weight",
                        "shift 100 %",
                        started.plusSeconds(160),
                        started.plusSeconds(400),
                        "completed",
                        ""),
                new PhaseRecord(4, "promote", "promote candidate", started.plusSeconds(400), ended, "completed", ""));
        return new DeploymentRecord(
                "j-" + Integer.toHexString(0x100000 + i),
                application,
                environment,
                "1." + (i / 100) + "." + (i % 100),
                "a1b2c3d4e5f60718293a4b5c6d7e8f90123456" + String.format("%02x", i % 256),
                "branch main",
                "team/" + application + "/job-" + (i % 3) + "#" + (i + 1),
                "blueGreen",
                "alice",
                "kubernetes namespace prod, deployment " + application,
                started,
                ended,
                i % 17 == 0 ? RecordStatus.ROLLED_BACK : RecordStatus.SUCCEEDED,
                "all 4 steps completed",
                phases,
                List.of(new ApprovalRecord("bob", started.plusSeconds(30), true, "looks good")),
                List.of(),
                List.of("traffic switched by the Gateway API route"),
                null,
                null,
                null,
                "alice");
    }
}
