package io.genesis.benchmarks.gate;

import edu.hm.hafner.coverage.Coverage;
import edu.hm.hafner.coverage.Metric;
import edu.hm.hafner.coverage.ModuleNode;
import edu.hm.hafner.coverage.Value;
import edu.hm.hafner.coverage.parser.JacocoParser;
import edu.hm.hafner.util.FilteredLog;
import io.genesis.core.gate.CoverageMetric;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.xml.sax.SAXException;

/**
 * The peers, called the way their own tools call them, with their results turned into our totals
 * so that the sanity test can check that every reader in a comparison did the same work.
 */
public final class PeerReaders {

    private PeerReaders() {}

    /**
     * Reads Surefire files with Maven's {@code surefire-report-parser} (the parser behind
     * maven-surefire-report-plugin), one {@link TestSuiteXmlParser} per file as its
     * {@code SurefireReportParser} does.
     *
     * @param files the {@code TEST-*.xml} files
     * @return tests, failures, errors, skipped and flakes as the parser counts them
     * @throws IOException when a file cannot be read or parsed
     */
    public static TestTotals surefireReportParser(List<Path> files) throws IOException {
        SuiteCounts counts = new SuiteCounts();
        for (Path file : files) {
            List<ReportTestSuite> suites;
            try {
                suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException("surefire-report-parser cannot read " + file + ": " + e.getMessage(), e);
            }
            counts.add(suites);
        }
        return counts.totals();
    }

    /**
     * Reads a whole Surefire folder the way maven-surefire-report-plugin does: its
     * {@code SurefireReportParser} parses every file and returns every suite, with every test
     * case, at once.
     *
     * @param directory the folder of {@code TEST-*.xml} files
     * @return the parser's counts
     */
    public static TestTotals surefireReportParserDirectory(Path directory) {
        List<ReportTestSuite> suites =
                new SurefireReportParser(List.of(directory.toFile()), new NullConsoleLogger()).parseXMLReportFiles();
        return new SuiteCounts().add(suites).totals();
    }

    /**
     * Reads Surefire files already in memory with {@code surefire-report-parser}, through its
     * {@code parse(InputStreamReader)} entry point.
     *
     * @param reports the files' contents
     * @return the parser's counts
     * @throws IOException when a file cannot be parsed
     */
    public static TestTotals surefireReportParserFromMemory(List<byte[]> reports) throws IOException {
        SuiteCounts counts = new SuiteCounts();
        for (byte[] report : reports) {
            List<ReportTestSuite> suites;
            try (InputStreamReader reader =
                    new InputStreamReader(new ByteArrayInputStream(report), StandardCharsets.UTF_8)) {
                suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(reader);
            } catch (ParserConfigurationException | SAXException e) {
                throw new IOException("surefire-report-parser cannot read a report: " + e.getMessage(), e);
            }
            counts.add(suites);
        }
        return counts.totals();
    }

    /**
     * Reads a JaCoCo report with the Jenkins Coverage plugin's model ({@code coverage-model}), as
     * the plugin does: the whole report becomes a tree of modules, packages, files, classes and
     * methods.
     *
     * @param report the {@code jacoco.xml}
     * @return the tree's root
     * @throws IOException when the file cannot be read
     */
    public static ModuleNode coverageModel(Path report) throws IOException {
        try (Reader reader = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            return new JacocoParser().parse(reader, report.toString(), new FilteredLog("coverage-model"));
        }
    }

    /**
     * The tree's totals for the metrics both models share. coverage-model computes complexity as a
     * number, not as covered and missed, so complexity is left out.
     *
     * @param root a parsed report
     * @return covered and missed per metric
     */
    public static CoverageCounts totals(ModuleNode root) {
        Map<CoverageMetric, CoverageCounts.Counter> counts = new EnumMap<>(CoverageMetric.class);
        put(counts, CoverageMetric.INSTRUCTION, root.getValue(Metric.INSTRUCTION));
        put(counts, CoverageMetric.BRANCH, root.getValue(Metric.BRANCH));
        put(counts, CoverageMetric.LINE, root.getValue(Metric.LINE));
        put(counts, CoverageMetric.METHOD, root.getValue(Metric.METHOD));
        put(counts, CoverageMetric.CLASS, root.getValue(Metric.CLASS));
        return new CoverageCounts(counts);
    }

    private static void put(
            Map<CoverageMetric, CoverageCounts.Counter> counts, CoverageMetric metric, Optional<Value> value) {
        value.filter(Coverage.class::isInstance)
                .map(Coverage.class::cast)
                .ifPresent(coverage ->
                        counts.put(metric, new CoverageCounts.Counter(coverage.getCovered(), coverage.getMissed())));
    }

    /**
     * The parser's counts summed over suites as they are read, so a file's suites can be dropped
     * once counted; the totals are built, and checked, once at the end.
     */
    private static final class SuiteCounts {
        private long tests;
        private long failures;
        private long errors;
        private long skipped;
        private long flakes;

        SuiteCounts add(List<ReportTestSuite> suites) {
            for (ReportTestSuite suite : suites) {
                tests += suite.getNumberOfTests();
                failures += suite.getNumberOfFailures();
                errors += suite.getNumberOfErrors();
                skipped += suite.getNumberOfSkipped();
                flakes += suite.getNumberOfFlakes();
            }
            return this;
        }

        TestTotals totals() {
            return TestTotals.of(tests, failures, errors, skipped, flakes);
        }
    }
}
