package io.genesis.benchmarks.gate;

import io.genesis.core.gate.CoverageMetric;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks that a reader's result matches what the generator wrote, so a benchmark never compares a
 * reader that did the whole job with one that skipped part of it.
 */
public final class Agreement {

    private Agreement() {}

    /**
     * Our JUnit reader must give exactly the generator's totals.
     *
     * @param actual what the reader counted
     * @param expected the set's totals
     */
    public static void genesisJunit(TestTotals actual, ReportSetTotals expected) {
        require("Genesis JUnitReportReader", actual, expected.surefire().tests());
    }

    /**
     * surefire-report-parser counts every {@code <flakyFailure>} and {@code <flakyError>} element
     * as a flake, where Surefire's console counts flaky tests; all its other counts must match.
     *
     * @param actual what the parser counted
     * @param expected the set's totals
     */
    public static void surefireReportParser(TestTotals actual, ReportSetTotals expected) {
        TestTotals tests = expected.surefire().tests();
        TestTotals withAttempts = new TestTotals(
                tests.total(),
                tests.passed(),
                tests.failed(),
                tests.errors(),
                tests.skipped(),
                expected.surefire().flakyAttempts());
        require("surefire-report-parser (flakes = flaky elements)", actual, withAttempts);
    }

    /**
     * Our JaCoCo reader must give every report-level counter.
     *
     * @param actual what the reader found
     * @param expected the set's totals
     */
    public static void genesisJacoco(CoverageCounts actual, ReportSetTotals expected) {
        require("Genesis JacocoReportReader", actual, expected.jacoco().coverage());
    }

    /**
     * coverage-model must agree on every metric it models as covered/missed; it keeps complexity
     * as a plain number, so complexity is not compared.
     *
     * @param actual the totals of the parsed tree
     * @param expected the set's totals
     */
    public static void coverageModel(CoverageCounts actual, ReportSetTotals expected) {
        CoverageCounts all = expected.jacoco().coverage();
        Map<CoverageMetric, CoverageCounts.Counter> shared = new EnumMap<>(CoverageMetric.class);
        shared.putAll(all.counters());
        shared.remove(CoverageMetric.COMPLEXITY);
        require("coverage-model JacocoParser (complexity not compared)", actual, new CoverageCounts(shared));
    }

    private static void require(String reader, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(reader + " disagrees with totals.json: expected " + expected + " but read "
                    + actual + "; fix the reader or regenerate the set before trusting any timing");
        }
    }
}
