package io.genesis.benchmarks.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the generator wrote and the totals it knows, saved as {@code totals.json} beside the
 * reports. Readers under test must arrive at the same totals from the XML alone.
 *
 * @param seed the seed the set was generated from
 * @param surefire the Surefire report folder
 * @param jacoco the JaCoCo report
 */
public record ReportSetTotals(long seed, SurefireSet surefire, JacocoReport jacoco) {

    /** The file name beside the reports. */
    public static final String FILE_NAME = "totals.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Rejects missing parts. */
    public ReportSetTotals {
        if (surefire == null || jacoco == null) {
            throw new IllegalArgumentException(
                    "surefire and jacoco totals are both required, got surefire=" + surefire + " jacoco=" + jacoco);
        }
    }

    /** Reads {@code totals.json} from a generated set's folder. */
    public static ReportSetTotals read(Path setDirectory) throws IOException {
        Path file = setDirectory.resolve(FILE_NAME);
        try {
            return JSON.readValue(file.toFile(), ReportSetTotals.class);
        } catch (IOException e) {
            throw new IOException(
                    "cannot read " + file + " (" + e.getMessage() + "); regenerate the set with ReportSetGenerator", e);
        }
    }

    /** Writes {@code totals.json} into a set's folder. */
    public void write(Path setDirectory) throws IOException {
        JSON.writeValue(setDirectory.resolve(FILE_NAME).toFile(), this);
    }

    /**
     * A folder of {@code TEST-*.xml} files.
     *
     * @param directory folder name, relative to the set
     * @param files number of report files
     * @param bytes their total size
     * @param rerunAttempts {@code <rerunFailure>} and {@code <rerunError>} elements (attempts, not tests)
     * @param flakyAttempts {@code <flakyFailure>} and {@code <flakyError>} elements (attempts, not tests)
     * @param tests the totals Surefire would print
     */
    public record SurefireSet(
            String directory, long files, long bytes, long rerunAttempts, long flakyAttempts, TestTotals tests) {}

    /**
     * One JaCoCo XML report.
     *
     * @param file file name, relative to the set
     * @param bytes its size
     * @param packages {@code <package>} elements
     * @param classes {@code <class>} elements
     * @param methods {@code <method>} elements
     * @param coverage the report-level counters
     */
    public record JacocoReport(
            String file, long bytes, long packages, long classes, long methods, CoverageCounts coverage) {}
}
