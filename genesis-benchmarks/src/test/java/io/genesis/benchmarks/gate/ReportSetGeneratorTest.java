package io.genesis.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.CoverageMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's sanity check on a small set: its totals are what every reader in a comparison
 * must find, so our readers and the peers are held to them here, and the files are checked for
 * the traits of real Surefire 3.5.4 and JaCoCo 0.8.x output the benchmarks rely on.
 */
class ReportSetGeneratorTest {

    private static final long SUREFIRE_BYTES = 2_000_000;
    private static final long JACOCO_BYTES = 1_000_000;
    private static final long SEED = 42;

    @TempDir
    static Path shared;

    private static Path set;
    private static ReportSetTotals totals;
    private static List<Path> surefireFiles;

    @BeforeAll
    static void generate() throws IOException {
        set = shared.resolve("set");
        totals = ReportSetGenerator.generate(set, SUREFIRE_BYTES, JACOCO_BYTES, SEED);
        surefireFiles = ReportSetState.listReports(set.resolve(ReportSetGenerator.SUREFIRE_DIRECTORY));
    }

    @Test
    void shouldWriteTotalsThatMatchTheFilesOnDisk() throws IOException {
        // given the generated set

        // when totals.json is read back
        ReportSetTotals read = ReportSetTotals.read(set);

        // then it is what generate returned, and sizes and counts match the files
        assertThat(read).isEqualTo(totals);
        assertThat(surefireFiles).hasSize((int) totals.surefire().files());
        long bytes = 0;
        for (Path file : surefireFiles) {
            bytes += Files.size(file);
        }
        assertThat(bytes).isEqualTo(totals.surefire().bytes()).isGreaterThanOrEqualTo(SUREFIRE_BYTES);
        assertThat(Files.size(set.resolve(ReportSetGenerator.JACOCO_FILE)))
                .isEqualTo(totals.jacoco().bytes())
                .isGreaterThanOrEqualTo(JACOCO_BYTES);
        assertThat(countTestCases()).isEqualTo(totals.surefire().tests().total());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeed(@TempDir Path other) throws IOException {
        // given a second set from the same seed
        ReportSetTotals again = ReportSetGenerator.generate(other, SUREFIRE_BYTES, JACOCO_BYTES, SEED);

        // then every file is identical
        assertThat(again).isEqualTo(totals);
        for (Path file : surefireFiles) {
            Path twin = other.resolve(ReportSetGenerator.SUREFIRE_DIRECTORY).resolve(file.getFileName());
            assertThat(Files.mismatch(file, twin))
                    .as(file.getFileName().toString())
                    .isEqualTo(-1L);
        }
        assertThat(Files.mismatch(
                        set.resolve(ReportSetGenerator.JACOCO_FILE), other.resolve(ReportSetGenerator.JACOCO_FILE)))
                .isEqualTo(-1L);
    }

    @Test
    void shouldWriteDifferentSetsForDifferentSeeds(@TempDir Path other) throws IOException {
        // when another seed is used
        ReportSetTotals different = ReportSetGenerator.generate(other, SUREFIRE_BYTES, JACOCO_BYTES, SEED + 1);

        // then the totals differ
        assertThat(different.surefire().tests()).isNotEqualTo(totals.surefire().tests());
        assertThat(different.jacoco().coverage()).isNotEqualTo(totals.jacoco().coverage());
    }

    @Test
    void shouldAgreeWithGenesisReaders() throws Exception {
        // when our readers read the set
        TestTotals tests = GenesisReaders.junit(surefireFiles);
        CoverageCounts coverage = GenesisReaders.jacoco(set.resolve(ReportSetGenerator.JACOCO_FILE));

        // then they find exactly the generator's totals
        assertThat(tests).isEqualTo(totals.surefire().tests());
        assertThat(coverage).isEqualTo(totals.jacoco().coverage());
    }

    @Test
    void shouldAgreeWithSurefireReportParserExceptForItsFlakeCount() throws IOException {
        // when Maven's parser reads the Surefire files
        TestTotals tests = PeerReaders.surefireReportParser(surefireFiles);

        // then it counts tests like Surefire, and flakes per flaky element
        TestTotals expected = totals.surefire().tests();
        assertThat(tests.total()).isEqualTo(expected.total());
        assertThat(tests.failed()).isEqualTo(expected.failed());
        assertThat(tests.errors()).isEqualTo(expected.errors());
        assertThat(tests.skipped()).isEqualTo(expected.skipped());
        assertThat(tests.flaky()).isEqualTo(totals.surefire().flakyAttempts()).isGreaterThan(expected.flaky());
    }

    @Test
    void shouldAgreeWithCoverageModelOnSharedMetrics() throws IOException {
        // when the Coverage plugin's model reads the JaCoCo report
        CoverageCounts coverage =
                PeerReaders.totals(PeerReaders.coverageModel(set.resolve(ReportSetGenerator.JACOCO_FILE)));

        // then every metric it keeps as covered/missed matches the report-level counters
        for (CoverageMetric metric : List.of(
                CoverageMetric.INSTRUCTION,
                CoverageMetric.BRANCH,
                CoverageMetric.LINE,
                CoverageMetric.METHOD,
                CoverageMetric.CLASS)) {
            assertThat(coverage.get(metric))
                    .as(metric.name())
                    .isEqualTo(totals.jacoco().coverage().get(metric));
        }
    }

    @Test
    void shouldMixEveryOutcomeAndRerunKind() throws IOException {
        // given all Surefire text
        String all = allSurefireText();

        // then every element kind of a rerun build is there, and the counts are realistic
        TestTotals tests = totals.surefire().tests();
        for (String shape : List.of(
                "<properties>",
                "<system-out><![CDATA[",
                "<system-err><![CDATA[",
                "<skipped",
                "<failure message=",
                "<error message=",
                "<rerunFailure ",
                "<rerunError ",
                "<flakyFailure ",
                "<flakyError ",
                "<stackTrace><![CDATA[",
                "&#10;",
                "]]]]><![CDATA[>")) {
            // (a plain boolean, so a failure does not print megabytes of XML)
            assertThat(all.contains(shape)).as("the set contains " + shape).isTrue();
        }
        assertThat(tests.failed()).isPositive();
        assertThat(tests.errors()).isPositive();
        assertThat(tests.skipped()).isPositive();
        assertThat(tests.flaky()).isPositive();
        assertThat(tests.passed()).isGreaterThan(tests.total() * 9 / 10);
        assertThat(totals.surefire().rerunAttempts()).isEqualTo(2 * (tests.failed() + tests.errors()));
    }

    @Test
    void shouldWriteSuiteAttributesOfTheLastRerunPassLikeSurefire() throws IOException {
        // given the files whose tests were rerun
        long wrong = 0;
        long withReruns = 0;
        for (Path file : surefireFiles) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            long testCases = count(text, "<testcase ");
            long declared = Long.parseLong(attribute(text, "tests"));
            if (text.contains("<rerunFailure") || text.contains("<rerunError") || text.contains("<flaky")) {
                withReruns++;
                wrong += declared != testCases ? 1 : 0;
            } else {
                // then files without reruns declare their real count
                assertThat(declared).as(file.getFileName().toString()).isEqualTo(testCases);
            }
        }

        // then most rerun files declare fewer tests than they hold (SUREFIRE-1627)
        assertThat(withReruns).isPositive();
        assertThat(wrong).isGreaterThan(withReruns / 2);
    }

    @Test
    void shouldStartEachFileLikeTheRealTools() throws IOException {
        // given one Surefire file and the JaCoCo report
        String surefire = Files.readString(surefireFiles.get(0), StandardCharsets.UTF_8);
        String jacoco = Files.readString(set.resolve(ReportSetGenerator.JACOCO_FILE), StandardCharsets.UTF_8);

        // then the headers are the tools' own, and JaCoCo's report is one line
        assertThat(surefire)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=")
                .contains("xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/"
                        + "xsd/surefire-test-report.xsd\" version=\"3.0.2\"")
                .endsWith("</testsuite>");
        assertThat(jacoco)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report PUBLIC"
                        + " \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report name=")
                .contains("<sessioninfo id=\"localhost-", "<method name=\"&lt;init&gt;\"", "<sourcefile name=")
                .doesNotContain("\n")
                .endsWith("</report>");
    }

    @Test
    void shouldRefuseToGenerateNothing(@TempDir Path other) {
        assertThatThrownBy(() -> ReportSetGenerator.generate(other, 0, JACOCO_BYTES, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surefireBytes and jacocoBytes must be positive, got 0");
    }

    @Test
    void shouldRejectAReaderThatDisagrees() {
        // given totals that are off by one failed test
        TestTotals real = totals.surefire().tests();
        TestTotals offByOne = TestTotals.of(real.total(), real.failed() + 1, real.errors(), real.skipped(), 0);

        // then the agreement check stops the benchmark
        assertThatThrownBy(() -> Agreement.genesisJunit(offByOne, totals))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Genesis JUnitReportReader disagrees with totals.json");
        assertThatThrownBy(() -> Agreement.genesisJacoco(CoverageCounts.NONE, totals))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JacocoReportReader disagrees");
    }

    private static String allSurefireText() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : surefireFiles) {
            all.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static long countTestCases() throws IOException {
        return count(allSurefireText(), "<testcase ");
    }

    private static long count(String text, String needle) {
        long count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static String attribute(String text, String name) {
        Matcher matcher =
                Pattern.compile("<testsuite [^>]* " + name + "=\"([^\"]*)\"").matcher(text);
        assertThat(matcher.find()).as("attribute " + name).isTrue();
        return matcher.group(1);
    }
}
