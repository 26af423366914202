package io.genesis.benchmarks.gate;

import io.genesis.core.gate.ReportException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads a whole generated set once in a fresh JVM, so the heap it needs can be found by running it
 * under smaller and smaller {@code -Xmx}. Exits 0 when the reader finished with the right totals,
 * 2 when its totals were wrong; running out of heap ends the JVM with an {@link OutOfMemoryError}.
 *
 * <pre>
 * java -Xmx32m -cp genesis-benchmarks/target/benchmarks.jar io.genesis.benchmarks.gate.HeapCheck \
 *      genesis genesis-benchmarks/target/bench-data/full
 * </pre>
 *
 * Readers: {@code genesis} (Surefire folder and JaCoCo report, one after the other),
 * {@code genesis-junit}, {@code genesis-jacoco}, {@code surefire-report-parser} (file by file, results
 * dropped after each), {@code surefire-report-parser-directory} (the whole folder at once, as the
 * Maven report plugin reads it), {@code coverage-model}.
 */
public final class HeapCheck {

    private HeapCheck() {}

    /**
     * Reads the set with one reader.
     *
     * @param args the reader's name and the set's folder
     * @throws IOException when a file cannot be read
     * @throws ReportException when our reader rejects a file
     */
    public static void main(String[] args) throws IOException, ReportException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HeapCheck <genesis|genesis-junit|genesis-jacoco|"
                    + "surefire-report-parser|surefire-report-parser-directory|coverage-model> <set folder>");
        }
        String reader = args[0];
        Path set = Paths.get(args[1]);
        ReportSetTotals totals = ReportSetTotals.read(set);
        List<Path> surefireFiles =
                ReportSetState.listReports(set.resolve(totals.surefire().directory()));
        Path jacoco = set.resolve(totals.jacoco().file());
        long started = System.nanoTime();
        long bytes;
        try {
            bytes = switch (reader) {
                case "genesis" -> {
                    Agreement.genesisJunit(GenesisReaders.junit(surefireFiles), totals);
                    Agreement.genesisJacoco(GenesisReaders.jacoco(jacoco), totals);
                    yield totals.surefire().bytes() + totals.jacoco().bytes();
                }
                case "genesis-junit" -> {
                    Agreement.genesisJunit(GenesisReaders.junit(surefireFiles), totals);
                    yield totals.surefire().bytes();
                }
                case "genesis-jacoco" -> {
                    Agreement.genesisJacoco(GenesisReaders.jacoco(jacoco), totals);
                    yield totals.jacoco().bytes();
                }
                case "surefire-report-parser" -> {
                    Agreement.surefireReportParser(PeerReaders.surefireReportParser(surefireFiles), totals);
                    yield totals.surefire().bytes();
                }
                case "surefire-report-parser-directory" -> {
                    Agreement.surefireReportParser(
                            PeerReaders.surefireReportParserDirectory(
                                    set.resolve(totals.surefire().directory())),
                            totals);
                    yield totals.surefire().bytes();
                }
                case "coverage-model" -> {
                    Agreement.coverageModel(PeerReaders.totals(PeerReaders.coverageModel(jacoco)), totals);
                    yield totals.jacoco().bytes();
                }
                default ->
                    throw new IllegalArgumentException("unknown reader '" + reader + "'; known: genesis,"
                            + " genesis-junit, genesis-jacoco, surefire-report-parser, surefire-report-parser-directory,"
                            + " coverage-model");
            };
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(
                Locale.ROOT,
                "OK %s: %.1f MB in %.2f s (one cold pass, %.0f MB/s), max heap %d MB, heap pools' peaks %.1f MB,"
                        + " StAX %s%n",
                reader,
                bytes / 1e6,
                seconds,
                bytes / 1e6 / seconds,
                Runtime.getRuntime().maxMemory() >> 20,
                heapPeaks() / 1048576.0,
                XMLInputFactory.newInstance().getClass().getName());
    }

    /** The sum of every heap pool's peak; an upper bound of what was live at once. */
    private static long heapPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
