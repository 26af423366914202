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
 * One operation reads every {@code TEST-*.xml} file of a set and adds up the tests: our
 * {@code JUnitReportReader} against Maven's {@code surefire-report-parser} on the same files. MB/s
 * is the set's size divided by the time per operation (see docs/performance.md).
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
public class JunitReaderBenchmark {

    /**
     * Reads the set once with the reader under test before timing starts, and stops the trial if
     * the totals are wrong.
     *
     * @param set the report set
     * @param params tells which benchmark method this trial runs
     * @throws IOException when a file cannot be read
     * @throws ReportException when our reader rejects a file
     */
    @Setup(Level.Trial)
    public void checkAgreement(ReportSetState set, BenchmarkParams params) throws IOException, ReportException {
        if (params.getBenchmark().contains(".genesis")) {
            Agreement.genesisJunit(GenesisReaders.junit(set.surefireFiles()), set.totals());
        } else {
            Agreement.surefireReportParser(PeerReaders.surefireReportParser(set.surefireFiles()), set.totals());
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
    public TestTotals genesis(ReportSetState set, CpuClock cpu) throws ReportException {
        cpu.start();
        try {
            return GenesisReaders.junit(set.surefireFiles());
        } finally {
            cpu.stop();
        }
    }

    /**
     * Maven's surefire-report-parser 3.5.4.
     *
     * @param set the report set
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws IOException when a file cannot be read
     */
    @Benchmark
    public TestTotals surefireReportParser(ReportSetState set, CpuClock cpu) throws IOException {
        cpu.start();
        try {
            return PeerReaders.surefireReportParser(set.surefireFiles());
        } finally {
            cpu.stop();
        }
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
    public TestTotals genesisInMemory(InMemorySet memory, CpuClock cpu) throws ReportException {
        cpu.start();
        try {
            return GenesisReaders.junitFromMemory(memory.surefireReports());
        } finally {
            cpu.stop();
        }
    }

    /**
     * surefire-report-parser on the same files, already in memory.
     *
     * @param memory the set's contents
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws IOException when a file cannot be read
     */
    @Benchmark
    public TestTotals surefireReportParserInMemory(InMemorySet memory, CpuClock cpu) throws IOException {
        cpu.start();
        try {
            return PeerReaders.surefireReportParserFromMemory(memory.surefireReports());
        } finally {
            cpu.stop();
        }
    }
}
