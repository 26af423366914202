package io.genesis.benchmarks.gate;

import io.genesis.core.gate.CoverageCounter;
import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CoverageTotals;
import io.genesis.core.gate.GateRequest;
import io.genesis.core.gate.JUnitReportReader;
import io.genesis.core.gate.JacocoReportReader;
import io.genesis.core.gate.Readings;
import io.genesis.core.gate.ReportCollector;
import io.genesis.core.gate.ReportException;
import io.genesis.core.gate.TestCounts;
import io.genesis.core.policy.Environments;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Our readers, called as the gate calls them (a path and the name to use in messages), with their
 * results turned into the benchmark's own totals for comparison with {@code totals.json}.
 */
public final class GenesisReaders {

    private static final JUnitReportReader JUNIT = new JUnitReportReader(List.of());
    private static final JacocoReportReader JACOCO = new JacocoReportReader();

    private GenesisReaders() {}

    /**
     * Reads Surefire files with {@link JUnitReportReader} and adds them up.
     *
     * @param files the {@code TEST-*.xml} files
     * @return the totals
     * @throws ReportException when a file cannot be read
     */
    public static TestTotals junit(List<Path> files) throws ReportException {
        TestCounts sum = TestCounts.NONE;
        for (Path file : files) {
            sum = sum.plus(JUNIT.read(file, file.toString()).counts());
        }
        return new TestTotals(sum.total(), sum.passed(), sum.failed(), sum.errors(), sum.skipped(), sum.flaky());
    }

    /**
     * Reads a folder's {@code TEST-*.xml} files as {@code genesis gate} does: the engine's
     * {@link ReportCollector} on every core, each test counted once in one ledger.
     *
     * @param directory the folder of the Surefire files
     * @return the totals
     */
    public static TestTotals junitOnAllCores(Path directory) {
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), directory)
                .testReports("TEST-*.xml")
                .build();
        Readings readings = ReportCollector.collect(request);
        if (!readings.problems().isEmpty()) {
            throw new IllegalStateException(readings.problems().get(0).message());
        }
        TestCounts sum = readings.tests().counts();
        return new TestTotals(sum.total(), sum.passed(), sum.failed(), sum.errors(), sum.skipped(), sum.flaky());
    }

    /**
     * Reads Surefire files already in memory, as {@link #junit(List)} does from disk.
     *
     * @param reports the files' contents
     * @return the totals
     * @throws ReportException when a file cannot be read
     */
    public static TestTotals junitFromMemory(List<byte[]> reports) throws ReportException {
        TestCounts sum = TestCounts.NONE;
        for (byte[] report : reports) {
            sum = sum.plus(
                    JUNIT.read(new ByteArrayInputStream(report), "memory").counts());
        }
        return new TestTotals(sum.total(), sum.passed(), sum.failed(), sum.errors(), sum.skipped(), sum.flaky());
    }

    /**
     * Reads a JaCoCo report with {@link JacocoReportReader}.
     *
     * @param report the {@code jacoco.xml}
     * @return the report-level counters
     * @throws ReportException when the file cannot be read
     */
    public static CoverageCounts jacoco(Path report) throws ReportException {
        return counts(JACOCO.read(report, report.toString()));
    }

    /**
     * Reads a JaCoCo report already in memory.
     *
     * @param report the report's content
     * @return the report-level counters
     * @throws ReportException when the report cannot be read
     */
    public static CoverageCounts jacocoFromMemory(byte[] report) throws ReportException {
        return counts(JACOCO.read(new ByteArrayInputStream(report), "memory"));
    }

    private static CoverageCounts counts(CoverageTotals totals) {
        Map<CoverageMetric, CoverageCounts.Counter> counts = new EnumMap<>(CoverageMetric.class);
        for (Map.Entry<CoverageMetric, CoverageCounter> entry :
                totals.counters().entrySet()) {
            counts.put(
                    entry.getKey(),
                    new CoverageCounts.Counter(
                            entry.getValue().covered(), entry.getValue().missed()));
        }
        return new CoverageCounts(counts);
    }
}
