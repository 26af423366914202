package io.genesis.core.gate;

import io.genesis.core.gate.benchmarks.BenchmarkReportReader;
import io.genesis.core.gate.benchmarks.BenchmarkResult;
import io.genesis.core.gate.findings.FindingsReading;
import io.genesis.core.gate.findings.FindingsReportReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads every report a {@link GateRequest} names. A file that cannot be read becomes a
 * {@link ReportProblem}; the others are still read, so the verdict shows everything that is wrong
 * at once.
 */
public final class ReportCollector {

    private ReportCollector() {}

    public static Readings collect(GateRequest request) {
        ReportFinder finder = new ReportFinder(request.workspace());
        List<ReportProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        JUnitReportReader testReader = new JUnitReportReader(request.requiredTests(), request.limits());
        TestLedger tests =
                new TestLedger(request.requiredTests(), request.limits().maxTests());
        int testFiles = 0;
        for (Path file : find(finder, request.testReports(), problems)) {
            String source = finder.display(file);
            try {
                Optional<String> passedOver = testReader.readInto(file, source, tests);
                if (passedOver.isPresent()) {
                    notes.add(source + " was passed over: " + passedOver.get());
                } else {
                    testFiles++;
                }
            } catch (ReportException e) {
                problems.add(ReportProblem.of(e));
            }
        }

        CoverageReportReader coverageReader = new CoverageReportReader(request.limits());
        CoverageTotals coverage = CoverageTotals.NONE;
        int coverageFiles = 0;
        for (Path file : find(finder, request.coverageReports(), problems)) {
            try {
                coverage = coverage.plus(coverageReader.read(file, finder.display(file)));
                coverageFiles++;
            } catch (ReportException e) {
                problems.add(ReportProblem.of(e));
            }
        }
        FindingsReportReader findingsReader =
                new FindingsReportReader(request.limits(), request.findings().newOnly());
        FindingsReading findings = FindingsReading.NONE;
        int findingsFiles = 0;
        for (Path file : find(finder, request.findings().reports(), problems)) {
            try {
                findings = findings.plus(findingsReader.read(file, finder.display(file)));
                findingsFiles++;
            } catch (ReportException e) {
                problems.add(ReportProblem.of(e));
            }
        }
        BenchmarkReportReader benchmarkReader = new BenchmarkReportReader(request.limits());
        List<BenchmarkResult> current = new ArrayList<>();
        List<BenchmarkResult> baseline = new ArrayList<>();
        int benchmarkFiles = readBenchmarks(finder, request.benchmarks().reports(), benchmarkReader, current, problems)
                + readBenchmarks(finder, request.benchmarks().baseline(), benchmarkReader, baseline, problems);
        return new Readings(
                testFiles,
                coverageFiles,
                tests.reading(),
                coverage,
                problems,
                notes,
                findingsFiles,
                findings,
                new BenchmarkReadings(benchmarkFiles, current, baseline));
    }

    private static int readBenchmarks(
            ReportFinder finder,
            List<ReportGlob> globs,
            BenchmarkReportReader reader,
            List<BenchmarkResult> into,
            List<ReportProblem> problems) {
        int files = 0;
        for (Path file : find(finder, globs, problems)) {
            try {
                into.addAll(reader.read(file, finder.display(file)));
                files++;
            } catch (ReportException e) {
                problems.add(ReportProblem.of(e));
            }
        }
        return files;
    }

    /** The files all globs match, each once, in the globs' order. */
    private static Set<Path> find(ReportFinder finder, List<ReportGlob> globs, List<ReportProblem> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (ReportGlob glob : globs) {
            ReportFinder.Found found = finder.find(glob);
            files.addAll(found.files());
            problems.addAll(found.problems());
        }
        return files;
    }
}
