package io.genesis.benchmarks.history;

import io.genesis.core.board.BoardRow;
import io.genesis.core.board.DeploymentBoard;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.indexed.IndexedHistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * One operation reads the job page's "what runs where" panel from an indexed store of {@link #deployments}
 * records (the records of {@link HistoryPageBenchmark}: five applications in two environments, each
 * application deployed by three jobs of the folder {@code team}): for one job ({@code panel*}, two rows)
 * and for the folder of all fifteen jobs ({@code folder*}, ten rows). {@code *Index} is how the page
 * reads it now, from the store's key indexes ({@link HistoryStore#keys}, {@link HistoryStore#running});
 * {@code *Scan} the way before, every record of the job for its keys, then every record of each key
 * (the interface's own answers, over the same indexed store). The setup checks both give the same rows
 * (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JobBoardBenchmark {

    private static final String JOB = "team/app-3/job-1";
    private static final String FOLDER = "team";

    @Param({"10000", "100000"})
    public int deployments;

    private Path directory;
    private IndexedHistoryStore indexed;
    private HistoryStore scanning;

    /** Writes the records once, indexes them, and checks that both ways read the same rows. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        directory = Files.createTempDirectory("genesis-board-bench");
        HistoryPageBenchmark.writeRecords(directory.resolve("records.jsonl"), deployments);
        indexed = new IndexedHistoryStore(directory, false);
        indexed.rebuild();
        scanning = new Scanning(indexed);
        for (String job : List.of(JOB, FOLDER)) {
            List<BoardRow> fromIndex = DeploymentBoard.of(indexed, List.of(), job);
            List<BoardRow> fromScan = DeploymentBoard.of(scanning, List.of(), job);
            if (!fromIndex.equals(fromScan) || fromIndex.isEmpty()) {
                throw new IllegalStateException(
                        "the two ways disagree on the board of " + job + ": " + fromIndex + " vs " + fromScan);
            }
        }
    }

    @Benchmark
    public List<BoardRow> panelIndex() {
        return DeploymentBoard.of(indexed, List.of(), JOB);
    }

    @Benchmark
    public List<BoardRow> panelScan() {
        return DeploymentBoard.of(scanning, List.of(), JOB);
    }

    @Benchmark
    public List<BoardRow> folderIndex() {
        return DeploymentBoard.of(indexed, List.of(), FOLDER);
    }

    @Benchmark
    public List<BoardRow> folderScan() {
        return DeploymentBoard.of(scanning, List.of(), FOLDER);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        HistoryPageBenchmark.deleteTree(directory);
    }

    /**
     * The indexed store without its answers to {@code keys} and {@code running}: the interface's scans
     * over its one-pass {@code all}, which is how the board read before.
     */
    private record Scanning(IndexedHistoryStore store) implements HistoryStore {

        @Override
        public void append(DeploymentRecord record) {
            store.append(record);
        }

        @Override
        public HistoryPage page(HistoryQuery query) {
            return store.page(query);
        }

        @Override
        public List<DeploymentRecord> all(HistoryQuery query) {
            return store.all(query);
        }
    }
}
