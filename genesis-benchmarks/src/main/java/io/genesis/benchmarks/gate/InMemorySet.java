package io.genesis.benchmarks.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same report set, loaded into the heap before timing. Reading from memory takes the disk and
 * the page cache out of the figure: on this machine the kernel reclaims cached file pages
 * proactively, so a 400 MB set is partly read from disk again on every pass.
 */
@State(Scope.Benchmark)
public class InMemorySet {

    private List<byte[]> surefireReports;
    private byte[] jacocoReport;

    /**
     * Loads every file of the set.
     *
     * @param set the set on disk
     * @throws IOException when a file cannot be read
     */
    @Setup(Level.Trial)
    public void load(ReportSetState set) throws IOException {
        List<byte[]> reports = new ArrayList<>(set.surefireFiles().size());
        for (Path file : set.surefireFiles()) {
            reports.add(Files.readAllBytes(file));
        }
        surefireReports = Collections.unmodifiableList(reports);
        jacocoReport = Files.readAllBytes(set.jacocoReport());
    }

    /** The Surefire files' contents, in file name order. */
    public List<byte[]> surefireReports() {
        return surefireReports;
    }

    /** The JaCoCo report's content; shared, never modified. */
    public byte[] jacocoReport() {
        return jacocoReport;
    }
}
