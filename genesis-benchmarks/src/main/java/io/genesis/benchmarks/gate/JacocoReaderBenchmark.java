package io.genesis.benchmarks.gate;

import io.genesis.core.gate.ReportException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One operation reads a set's {@code jacoco.xml} to its totals: our {@code JacocoReportReader}
 * against the JaCoCo parser of the Jenkins Coverage plugin's model ({@code coverage-model}), which
 * builds its tree and then sums it. MB/s is the file's size divided by the time per operation.
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
public class JacocoReaderBenchmark {

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
     * Reads the report once with our reader before timing starts, and stops the trial if the
     * totals are wrong (coverage-model is checked by {@link StaxImplementation}).
     *
     * @param set the report set
     * @param params tells which benchmark method this trial runs
     * @throws ReportException when our reader rejects the report
     */
    @Setup(Level.Trial)
    public void checkAgreement(ReportSetState set, BenchmarkParams params) throws ReportException {
        if (params.getBenchmark().contains(".genesis")) {
            Agreement.genesisJacoco(GenesisReaders.jacoco(set.jacocoReport()), set.totals());
        }
    }

    /**
     * Genesis' reader.
     *
     * @param set the report set
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws ReportException when the report cannot be read
     */
    @Benchmark
    public CoverageCounts genesis(ReportSetState set, CpuClock cpu) throws ReportException {
        cpu.start();
        try {
            return GenesisReaders.jacoco(set.jacocoReport());
        } finally {
            cpu.stop();
        }
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
        cpu.start();
        try {
            return PeerReaders.totals(PeerReaders.coverageModel(set.jacocoReport()));
        } finally {
            cpu.stop();
        }
    }

    /**
     * Genesis' reader on the same report, already in memory.
     *
     * @param memory the set's contents
     * @param cpu counts the JVM's CPU time
     * @return the totals, so the work cannot be optimised away
     * @throws ReportException when the report cannot be read
     */
    @Benchmark
    public CoverageCounts genesisInMemory(InMemorySet memory, CpuClock cpu) throws ReportException {
        cpu.start();
        try {
            return GenesisReaders.jacocoFromMemory(memory.jacocoReport());
        } finally {
            cpu.stop();
        }
    }
}
