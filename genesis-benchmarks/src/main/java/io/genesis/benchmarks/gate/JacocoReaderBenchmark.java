package io.genesis.benchmarks.gate;

import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One operation reads a set's {@code jacoco.xml} to its totals: our {@code JacocoReportReader}
 * ({@code genesis}, {@code genesisInMemory}) against the JaCoCo parser of the Jenkins Coverage
 * plugin's model ({@code coverage-model}), which builds its tree and then sums it. MB/s is the
 * file's size divided by the time per operation.
 */
public class JacocoReaderBenchmark extends ReportReaderBenchmark<CoverageCounts> {

    /** Our {@link ReaderUnderTest#JACOCO} as {@code genesis} and {@code genesisInMemory}. */
    public JacocoReaderBenchmark() {
        super(ReaderUnderTest.JACOCO);
    }

    /**
     * Which StAX implementation coverage-model gets from {@link XMLInputFactory#newInstance()}:
     * the JDK's own, or Aalto (ours, and on this class path). Our reader always uses Aalto directly.
     */
    @State(Scope.Benchmark)
    public static class StaxImplementation {

        /** {@code jdk} or {@code aalto}. */
        @Param({"jdk", "aalto"})
        public String stax;

        /**
         * Pins the factory before the trial, checks that the pin took, then reads the report once
         * and stops the trial if coverage-model's totals are wrong.
         *
         * @param set the report set
         * @throws IOException when the report cannot be read
         */
        @Setup(Level.Trial)
        public void select(ReportSetState set) throws IOException {
            String factory = switch (stax) {
                case "jdk" -> "com.sun.xml.internal.stream.XMLInputFactoryImpl";
                case "aalto" -> "com.fasterxml.aalto.stax.InputFactoryImpl";
                default -> throw new IllegalArgumentException("unknown stax '" + stax + "'; known: jdk, aalto");
            };
            System.setProperty(XMLInputFactory.class.getName(), factory);
            String actual = XMLInputFactory.newInstance().getClass().getName();
            if (!actual.equals(factory)) {
                throw new IllegalStateException("asked for " + factory + " but XMLInputFactory gives " + actual);
            }
            Agreement.coverageModel(PeerReaders.totals(PeerReaders.coverageModel(set.jacocoReport())), set.totals());
        }
    }

    /**
     * Nothing here: {@link StaxImplementation} checks coverage-model, because the check must run
     * after the StAX factory is pinned, and JMH runs the benchmark's own setup before that one.
     */
    @Override
    protected void checkPeer(ReportSetState set) {
        // checked by StaxImplementation.select, see above
    }

    /**
     * coverage-model 0.66.0's JacocoParser, then the tree's totals.
     *
     * @param set the report set
     * @param stax the StAX implementation in use
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws IOException when the report cannot be read
     */
    @Benchmark
    public CoverageCounts coverageModel(ReportSetState set, StaxImplementation stax, CpuClock cpu) throws IOException {
        return cpu.time(() -> PeerReaders.totals(PeerReaders.coverageModel(set.jacocoReport())));
    }
}
