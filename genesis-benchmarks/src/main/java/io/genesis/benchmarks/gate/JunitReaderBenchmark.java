package io.genesis.benchmarks.gate;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One operation reads every {@code TEST-*.xml} file of a set and adds up the tests: our
 * {@code JUnitReportReader} ({@code genesis}, {@code genesisInMemory}) against Maven's
 * {@code surefire-report-parser} on the same files. MB/s is the set's size divided by the time per
 * operation (see docs/performance.md).
 */
public class JunitReaderBenchmark extends ReportReaderBenchmark<TestTotals> {

    /** Our {@link ReaderUnderTest#JUNIT} as {@code genesis} and {@code genesisInMemory}. */
    public JunitReaderBenchmark() {
        super(ReaderUnderTest.JUNIT);
    }

    @Override
    protected void checkPeer(ReportSetState set) throws IOException {
        Agreement.surefireReportParser(PeerReaders.surefireReportParser(set.surefireFiles()), set.totals());
    }

    /**
     * Before timing {@link #genesisOnAllCores}, checks that reading on all cores gives the totals too.
     *
     * @param set the report set
     * @param params tells which benchmark method this trial runs
     */
    @Setup(Level.Trial)
    public void checkAllCores(ReportSetState set, BenchmarkParams params) {
        if (params.getBenchmark().endsWith(".genesisOnAllCores")) {
            Agreement.genesisJunit(GenesisReaders.junitOnAllCores(surefireFolder(set)), set.totals());
        }
    }

    /**
     * Our reader as {@code genesis gate} runs it: the engine's report collector, files read on every
     * core into one ledger of the report set's tests.
     *
     * @param set the report set
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     */
    @Benchmark
    public TestTotals genesisOnAllCores(ReportSetState set, CpuClock cpu) {
        return cpu.time(() -> GenesisReaders.junitOnAllCores(surefireFolder(set)));
    }

    private static java.nio.file.Path surefireFolder(ReportSetState set) {
        return set.surefireFiles().get(0).getParent();
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
        return cpu.time(() -> PeerReaders.surefireReportParser(set.surefireFiles()));
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
        return cpu.time(() -> PeerReaders.surefireReportParserFromMemory(memory.surefireReports()));
    }
}
