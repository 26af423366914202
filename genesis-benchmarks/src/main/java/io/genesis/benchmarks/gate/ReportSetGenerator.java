package io.genesis.benchmarks.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the report sets the gate benchmarks read: per size, a folder of Surefire
 * {@code TEST-*.xml} files, one JaCoCo {@code jacoco.xml} and the {@code totals.json} that states
 * what they add up to. The output is the same, byte for byte, for the same seed.
 *
 * <pre>
 * java -cp genesis-benchmarks/target/benchmarks.jar io.genesis.benchmarks.gate.ReportSetGenerator \
 *      [--out genesis-benchmarks/target/bench-data] [--sizes small,medium,full] [--seed 20261127]
 * </pre>
 */
public final class ReportSetGenerator {

    /** Where the sets go unless {@code --out} says otherwise; under target/, so never in git. */
    public static final String DEFAULT_OUT = "genesis-benchmarks/target/bench-data";

    /** The seed of the published figures. */
    public static final long DEFAULT_SEED = 20_261_127L;

    /** The Surefire folder's name inside a set. */
    public static final String SUREFIRE_DIRECTORY = "surefire-reports";

    /** The JaCoCo report's name inside a set. */
    public static final String JACOCO_FILE = "jacoco.xml";

    private ReportSetGenerator() {}

    /**
     * Generates the sets named on the command line.
     *
     * @param args {@code --out DIR}, {@code --sizes a,b}, {@code --seed N}
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Paths.get(DEFAULT_OUT);
        List<ReportSetSize> sizes = List.of(ReportSetSize.values());
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value; usage: " + usage());
            }
            String value = args[++i];
            switch (option) {
                case "--out" -> out = Paths.get(value);
                case "--sizes" -> sizes = parseSizes(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; usage: " + usage());
            }
        }
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (ReportSetSize size : sizes) {
            long started = System.nanoTime();
            Path setDirectory = out.resolve(size.label());
            ReportSetTotals totals = generate(setDirectory, size.surefireBytes(), size.jacocoBytes(), seed);
            console.printf(
                    Locale.ROOT,
                    "%s: %d Surefire files, %.1f MB, tests %s; JaCoCo %.1f MB, %d classes; %.1f s -> %s%n",
                    size.label(),
                    totals.surefire().files(),
                    totals.surefire().bytes() / 1e6,
                    totals.surefire().tests(),
                    totals.jacoco().bytes() / 1e6,
                    totals.jacoco().classes(),
                    (System.nanoTime() - started) / 1e9,
                    setDirectory.toAbsolutePath());
        }
    }

    /**
     * Writes one set into {@code setDirectory}, replacing a set generated there before.
     *
     * @param setDirectory the set's folder; created when missing
     * @param surefireBytes Surefire XML to write, at least
     * @param jacocoBytes JaCoCo XML to write, at least
     * @param seed the random seed; the same seed and sizes give the same bytes
     * @return what was written, also saved as {@code totals.json}
     * @throws IOException when a file cannot be written
     */
    public static ReportSetTotals generate(Path setDirectory, long surefireBytes, long jacocoBytes, long seed)
            throws IOException {
        if (surefireBytes <= 0 || jacocoBytes <= 0) {
            throw new IllegalArgumentException(
                    "surefireBytes and jacocoBytes must be positive, got " + surefireBytes + " and " + jacocoBytes);
        }
        Path surefireDirectory = setDirectory.resolve(SUREFIRE_DIRECTORY);
        Files.createDirectories(surefireDirectory);
        deleteOldReports(surefireDirectory);

        SurefireReportWriter surefire = new SurefireReportWriter(new Vocabulary(new SplittableRandom(seed)));
        long files = 0;
        long bytes = 0;
        long rerunAttempts = 0;
        long flakyAttempts = 0;
        TestTotals tests = TestTotals.NONE;
        while (bytes < surefireBytes) {
            SurefireReportWriter.Written written = surefire.writeNext(surefireDirectory);
            files++;
            bytes += written.bytes();
            rerunAttempts += written.rerunAttempts();
            flakyAttempts += written.flakyAttempts();
            tests = tests.plus(written.tests());
        }

        // A separate stream, so the JaCoCo report does not change when the Surefire target does.
        JacocoReportWriter jacoco = new JacocoReportWriter(new Vocabulary(new SplittableRandom(~seed)));
        JacocoReportWriter.Written report = jacoco.write(setDirectory.resolve(JACOCO_FILE), jacocoBytes);

        ReportSetTotals totals = new ReportSetTotals(
                seed,
                new ReportSetTotals.SurefireSet(SUREFIRE_DIRECTORY, files, bytes, rerunAttempts, flakyAttempts, tests),
                new ReportSetTotals.JacocoReport(
                        JACOCO_FILE,
                        report.bytes(),
                        report.packages(),
                        report.classes(),
                        report.methods(),
                        report.coverage()));
        totals.write(setDirectory);
        return totals;
    }

    /** Only the generator's own files are removed, so a wrong --out cannot wipe anything else. */
    private static void deleteOldReports(Path surefireDirectory) throws IOException {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(surefireDirectory, "TEST-*.xml")) {
            stream.forEach(old::add);
        }
        for (Path file : old) {
            Files.delete(file);
        }
    }

    private static List<ReportSetSize> parseSizes(String value) {
        List<ReportSetSize> sizes = new ArrayList<>();
        for (String name : value.split(",")) {
            sizes.add(ReportSetSize.named(name));
        }
        return sizes;
    }

    private static String usage() {
        return "ReportSetGenerator [--out DIR] [--sizes small,medium,full] [--seed N]";
    }
}
