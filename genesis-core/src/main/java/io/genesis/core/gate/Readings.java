package io.genesis.core.gate;

import io.genesis.core.gate.findings.FindingsReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run's reports said, and what could not be read.
 *
 * @param testFiles how many test report files were read
 * @param coverageFiles how many coverage report files were read
 * @param tests the test counts and required-test results
 * @param coverage the coverage counters, summed over every coverage report
 * @param problems patterns that matched nothing and files that could not be read
 * @param notes things worth saying that do not fail the gate, such as files passed over
 * @param findingsFiles how many security findings reports were read
 * @param findings the security findings, summed over every findings report
 * @param benchmarks the benchmark results of this run and of the baseline
 */
public record Readings(
        int testFiles,
        int coverageFiles,
        TestReading tests,
        CoverageTotals coverage,
        List<ReportProblem> problems,
        List<String> notes,
        int findingsFiles,
        FindingsReading findings,
        BenchmarkReadings benchmarks) {

    public Readings {
        if (testFiles < 0 || coverageFiles < 0) {
            throw new IllegalArgumentException("file counts must not be negative");
        }
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(coverage, "coverage");
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        if (findingsFiles < 0) {
            throw new IllegalArgumentException("file counts must not be negative");
        }
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(benchmarks, "benchmarks");
    }

    /** Readings without security findings reports. */
    public Readings(
            int testFiles,
            int coverageFiles,
            TestReading tests,
            CoverageTotals coverage,
            List<ReportProblem> problems,
            List<String> notes) {
        this(
                testFiles,
                coverageFiles,
                tests,
                coverage,
                problems,
                notes,
                0,
                FindingsReading.NONE,
                BenchmarkReadings.NONE);
    }

    /**
     * These readings with test counts recorded elsewhere (such as by a CI server's own test
     * results) in place of test reports: no test report file was read, no required test can be
     * selected, and {@code note} says where the tests came from.
     */
    public Readings withRecordedTests(TestCounts counts, String note) {
        List<String> all = new ArrayList<>();
        all.add(note);
        all.addAll(notes);
        return new Readings(
                0,
                coverageFiles,
                new TestReading(counts, List.of(), 0, Optional.empty()),
                coverage,
                problems,
                all,
                findingsFiles,
                findings,
                benchmarks);
    }
}
