package io.genesis.benchmarks.gate;

import io.genesis.core.gate.ReportException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What every report reader benchmark shares: the JMH settings, the check that a reader's totals
 * match {@code totals.json} before timing starts, and our reader timed on the files on disk
 * ({@code genesis}) and already in memory ({@code genesisInMemory}). A subclass names our reader
 * for its format and adds the peer's benchmarks. JMH runs the inherited methods under the
 * subclass's name (for example {@code JunitReaderBenchmark.genesis}) and skips this abstract class.
 *
 * @param <T> the totals the format's readers produce
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Benchmark)
public abstract class ReportReaderBenchmark<T> {

    private final ReaderUnderTest<T> ours;

    /**
     * Sets up the benchmarks of one format.
     *
     * @param ours our reader of the format
     */
    protected ReportReaderBenchmark(ReaderUnderTest<T> ours) {
        this.ours = ours;
    }

    /**
     * Reads the set once with the reader under test before timing starts, and stops the trial if
     * the totals are wrong.
     *
     * @param set the report set
     * @param params tells which benchmark method this trial runs
     * @throws IOException when the peer cannot read a file
     * @throws ReportException when our reader rejects a file
     */
    @Setup(Level.Trial)
    public void checkAgreement(ReportSetState set, BenchmarkParams params) throws IOException, ReportException {
        // The method's name, not the whole benchmark name: that starts with the package, io.genesis.
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.startsWith("genesis")) {
            ours.agreement().accept(ours.fromDisk().from(set), set.totals());
        } else {
            checkPeer(set);
        }
    }

    /**
     * Genesis' reader.
     *
     * @param set the report set
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws ReportException when a file cannot be read
     */
    @Benchmark
    public T genesis(ReportSetState set, CpuClock cpu) throws ReportException {
        return cpu.time(() -> ours.fromDisk().from(set));
    }

    /**
     * Genesis' reader on the same files, already in memory.
     *
     * @param memory the set's contents
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws ReportException when a file cannot be read
     */
    @Benchmark
    public T genesisInMemory(InMemorySet memory, CpuClock cpu) throws ReportException {
        return cpu.time(() -> ours.fromMemory().from(memory));
    }

    /**
     * Reads the set once with the peer and throws unless it agrees with the generator.
     *
     * @param set the report set
     * @throws IOException when the peer cannot read a file
     */
    protected abstract void checkPeer(ReportSetState set) throws IOException;
}
