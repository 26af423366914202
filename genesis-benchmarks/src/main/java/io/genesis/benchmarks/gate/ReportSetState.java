package io.genesis.benchmarks.gate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The generated report set one benchmark trial reads. The file list is made once, before timing,
 * so every reader is timed on reading alone, on the same files in the same order.
 */
@State(Scope.Benchmark)
public class ReportSetState {

    /** Which set: {@code small}, {@code medium} or {@code full} (see {@link ReportSetSize}). */
    @Param({"small", "medium", "full"})
    public String size;

    /** The folder ReportSetGenerator wrote to; relative paths start at the working directory. */
    @Param({ReportSetGenerator.DEFAULT_OUT})
    public String data;

    private List<Path> surefireFiles;
    private Path jacocoReport;
    private ReportSetTotals totals;

    /**
     * Finds the set and its totals, or fails with the command that generates it.
     *
     * @throws IOException when the set is missing or unreadable
     */
    @Setup(Level.Trial)
    public void load() throws IOException {
        Path set = Paths.get(data, ReportSetSize.named(size).label());
        if (!Files.isRegularFile(set.resolve(ReportSetTotals.FILE_NAME))) {
            throw new IOException("no generated report set at " + set.toAbsolutePath() + "; run: java -cp"
                    + " genesis-benchmarks/target/benchmarks.jar io.genesis.benchmarks.gate.ReportSetGenerator"
                    + " --out " + data + " (or pass -p data=<folder> to JMH)");
        }
        totals = ReportSetTotals.read(set);
        surefireFiles = listReports(set.resolve(totals.surefire().directory()));
        jacocoReport = set.resolve(totals.jacoco().file());
        if (surefireFiles.size() != totals.surefire().files()) {
            throw new IOException(set + " holds " + surefireFiles.size() + " Surefire files but totals.json says "
                    + totals.surefire().files() + "; regenerate the set");
        }
    }

    /** The {@code TEST-*.xml} files, sorted by name. */
    public List<Path> surefireFiles() {
        return surefireFiles;
    }

    /** The {@code jacoco.xml}. */
    public Path jacocoReport() {
        return jacocoReport;
    }

    /** What the generator wrote. */
    public ReportSetTotals totals() {
        return totals;
    }

    /** Lists a folder's {@code TEST-*.xml} files, sorted, as an unmodifiable list. */
    static List<Path> listReports(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "TEST-*.xml")) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        return Collections.unmodifiableList(files);
    }
}
