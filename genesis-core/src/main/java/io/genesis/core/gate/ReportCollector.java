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
import java.util.concurrent.Future;

/**
 * Finds and reads every report a {@link GateRequest} names. A file that cannot be read becomes a
 * {@link ReportProblem}; the others are still read, so the verdict shows everything that is wrong
 * at once.
 *
 * <p>Files are read on all cores (at most {@link #MAX_THREADS} threads): the gate reads hundreds of
 * megabytes, and a single core would be its limit. The readings are those of a read in order,
 * however many threads: test files reach the report set's ledger in the files' order
 * ({@link LedgerTurns}), and problems, notes and sums are gathered in the order of the patterns and
 * of the files each matches.
 */
public final class ReportCollector {

    /** Threads that read files at most; more would only wait for the disk. */
    static final int MAX_THREADS = 4;

    private ReportCollector() {}

    public static Readings collect(GateRequest request) {
        return collect(request, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** Reads with {@code threads} threads; with one, every file is read in the calling thread. */
    static Readings collect(GateRequest request, int threads) {
        ReportFinder finder = new ReportFinder(request.workspace());
        Found tests = find(finder, request.testReports());
        Found coverage = find(finder, request.coverageReports());
        Found findings = find(finder, request.findings().reports());
        Found current = find(finder, request.benchmarks().reports());
        Found baseline = find(finder, request.benchmarks().baseline());
        int files = tests.files().size()
                + coverage.files().size()
                + findings.files().size()
                + current.files().size()
                + baseline.files().size();
        try (ReadingTasks tasks = new ReadingTasks(files > 1 ? threads : 1)) {
            // The single large coverage file first: one thread reads it while the others share the tests.
            CoverageReportReader coverageReader = new CoverageReportReader(request.limits());
            List<Future<FileRead<CoverageTotals>>> coverageReads =
                    readEach(tasks, finder, coverage, coverageReader::read);
            TestLedger ledger =
                    new TestLedger(request.requiredTests(), request.limits().maxTests());
            List<TestListing> listings = readTests(tasks, finder, tests, request, ledger);
            FindingsReportReader findingsReader = new FindingsReportReader(
                    request.limits(), request.findings().newOnly());
            List<Future<FileRead<FindingsReading>>> findingsReads =
                    readEach(tasks, finder, findings, findingsReader::read);
            BenchmarkReportReader benchmarkReader = new BenchmarkReportReader(request.limits());
            List<Future<FileRead<List<BenchmarkResult>>>> currentReads =
                    readEach(tasks, finder, current, benchmarkReader::read);
            List<Future<FileRead<List<BenchmarkResult>>>> baselineReads =
                    readEach(tasks, finder, baseline, benchmarkReader::read);
            tasks.awaitAll();

            List<ReportProblem> problems = new ArrayList<>(tests.problems());
            List<String> notes = new ArrayList<>();
            int testFiles = 0;
            for (TestListing listing : listings) {
                if (listing.problem().isPresent()) {
                    problems.add(ReportProblem.of(listing.problem().get()));
                } else if (listing.passedOver().isPresent()) {
                    notes.add(listing.source() + " was passed over: "
                            + listing.passedOver().get());
                } else {
                    testFiles++;
                }
            }
            List<CoverageTotals> coverageRead = gather(coverage, coverageReads, problems);
            List<FindingsReading> findingsRead = gather(findings, findingsReads, problems);
            List<List<BenchmarkResult>> currentRead = gather(current, currentReads, problems);
            List<List<BenchmarkResult>> baselineRead = gather(baseline, baselineReads, problems);
            return new Readings(
                    testFiles,
                    coverageRead.size(),
                    ledger.reading(),
                    coverageRead.stream().reduce(CoverageTotals.NONE, CoverageTotals::plus),
                    problems,
                    notes,
                    findingsRead.size(),
                    findingsRead.stream().reduce(FindingsReading.NONE, FindingsReading::plus),
                    new BenchmarkReadings(
                            currentRead.size() + baselineRead.size(),
                            currentRead.stream().flatMap(List::stream).toList(),
                            request.benchmarks().usesRecorded()
                                    ? request.benchmarks().recorded().results()
                                    : baselineRead.stream()
                                            .flatMap(List::stream)
                                            .toList()));
        }
    }

    private static List<TestListing> readTests(
            ReadingTasks tasks, ReportFinder finder, Found found, GateRequest request, TestLedger ledger) {
        JUnitReportReader reader = new JUnitReportReader(request.requiredTests(), request.limits());
        LedgerTurns turns = new LedgerTurns();
        List<TestListing> listings = new ArrayList<>(found.files().size());
        for (Path file : found.files()) {
            TestListing listing = TestListing.inTurn(ledger, finder.display(file), listings.size(), turns);
            listings.add(listing);
            tasks.start(() -> {
                Optional<String> passedOver = Optional.empty();
                ReportException problem = null;
                try {
                    passedOver = reader.readInto(file, listing);
                } catch (ReportException e) {
                    problem = e;
                } finally {
                    listing.finish(passedOver, problem);
                    turns.done(listing);
                }
                return null;
            });
        }
        return listings;
    }

    private static <T> List<Future<FileRead<T>>> readEach(
            ReadingTasks tasks, ReportFinder finder, Found found, FileReader<T> reader) {
        List<Future<FileRead<T>>> reads = new ArrayList<>(found.files().size());
        for (Path file : found.files()) {
            reads.add(tasks.start(() -> {
                try {
                    return new FileRead<>(reader.read(file, finder.display(file)), null);
                } catch (ReportException e) {
                    return new FileRead<>(null, e);
                }
            }));
        }
        return reads;
    }

    /** The values read, in the files' order; the pattern's problems, then each file's, go to {@code problems}. */
    private static <T> List<T> gather(Found found, List<Future<FileRead<T>>> reads, List<ReportProblem> problems) {
        problems.addAll(found.problems());
        List<T> values = new ArrayList<>(reads.size());
        for (Future<FileRead<T>> read : reads) {
            FileRead<T> done = ReadingTasks.done(read);
            if (done.problem() == null) {
                values.add(done.value());
            } else {
                problems.add(ReportProblem.of(done.problem()));
            }
        }
        return values;
    }

    /** The files all globs match, each once, in the globs' order, and the problems met finding them. */
    private static Found find(ReportFinder finder, List<ReportGlob> globs) {
        Set<Path> files = new LinkedHashSet<>();
        List<ReportProblem> problems = new ArrayList<>();
        for (ReportGlob glob : globs) {
            ReportFinder.Found found = finder.find(glob);
            files.addAll(found.files());
            problems.addAll(found.problems());
        }
        return new Found(List.copyOf(files), problems);
    }

    private record Found(List<Path> files, List<ReportProblem> problems) {}

    private record FileRead<T>(T value, ReportException problem) {}

    @FunctionalInterface
    private interface FileReader<T> {
        T read(Path file, String source) throws ReportException;
    }
}
