package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading on several threads gives exactly what reading in order gives: the same counts, the same
 * first duplicate, the same selector examples, problems and notes in the same order.
 */
class ParallelReadingTest {

    @TempDir
    Path workspace;

    @BeforeEach
    void writeReportSet() throws IOException {
        for (int i = 0; i < 60; i++) {
            StringBuilder suite = new StringBuilder("<testsuite tests=\"4\">");
            // Each file repeats the previous file's last test with a failure: 59 duplicates, the first in file 1.
            if (i > 0) {
                suite.append(testcase("C" + (i - 1), "t3", "<failure/>"));
            }
            suite.append(testcase("C" + i, "t0", ""))
                    .append(testcase("C" + i, "t1", i % 7 == 0 ? "<skipped/>" : ""))
                    .append(testcase("C" + i, "t2", i % 5 == 0 ? "<error/>" : ""))
                    .append(testcase("C" + i, "t3", ""));
            write(
                    String.format("reports/TEST-%03d.xml", i),
                    suite.append("</testsuite>").toString());
        }
        // Longer than a file may keep before its turn: it waits for its turn and counts straight on.
        StringBuilder large = new StringBuilder("<testsuite>");
        for (int i = 0; i < 3 * TestListing.MAX_PENDING; i++) {
            large.append(testcase("Large", "t" + i, i % 100 == 0 ? "<failure/>" : ""));
        }
        large.append(testcase("C3", "t0", "<error/>"));
        write("reports/TEST-030-large.xml", large.append("</testsuite>").toString());
        // jest-junit's todo entries: three testcases, a suite count of two.
        write(
                "reports/TEST-040-jest.xml",
                "<testsuites><testsuite tests=\"2\" failures=\"0\">" + testcase("Jest", "a", "")
                        + testcase("Jest", "b", "") + testcase("Jest", "todo", "") + "</testsuite></testsuites>");
        write("reports/TEST-045-truncated.xml", "<testsuite>" + testcase("Cut", "a", "<failure/>") + "<testcase");
        write("reports/TEST-050-summary.xml", "<failsafe-summary><completed>1</completed></failsafe-summary>");
        write("jacoco.xml", "<report><counter type=\"LINE\" missed=\"1\" covered=\"3\"/></report>");
        write("other/jacoco.xml", "<report><counter type=\"LINE\" missed=\"5\" covered=\"1\"/></report>");
    }

    @Test
    void shouldReadOnFourThreadsExactlyAsOnOne() {
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), workspace)
                .testReports("reports/*.xml, missing/*.xml")
                .coverageReports("jacoco.xml, other/jacoco.xml")
                .require(TestSelector.parse("t3=C*.t3"))
                .require(TestSelector.parse("large=Large"))
                .build();

        Readings inOrder = ReportCollector.collect(request, 1);

        assertThat(inOrder.tests().counts().total()).isEqualTo(60 * 4 + 3 * TestListing.MAX_PENDING + 3 + 1);
        assertThat(inOrder.tests().duplicates().count()).isEqualTo(60);
        assertThat(inOrder.tests().duplicates().first()).contains("C0.t3 in reports/TEST-001.xml");
        assertThat(inOrder.tests().todo()).isEqualTo(1);
        assertThat(inOrder.problems())
                .extracting(ReportProblem::subject)
                .containsExactly("missing/*.xml", "reports/TEST-045-truncated.xml");
        assertThat(inOrder.notes()).singleElement().asString().startsWith("reports/TEST-050-summary.xml");
        for (int round = 0; round < 5; round++) {
            assertThat(ReportCollector.collect(request, 4))
                    .usingRecursiveComparison()
                    .isEqualTo(inOrder);
        }
    }

    @Test
    void shouldCountFilesReadOutOfTurnInTheFilesOrder() throws ReportException {
        TestLedger ledger = new TestLedger(java.util.List.of(), 100);
        LedgerTurns turns = new LedgerTurns();
        JUnitReportReader reader = new JUnitReportReader(java.util.List.of());
        TestListing[] listings = new TestListing[3];
        for (int i = 2; i >= 0; i--) {
            String source = String.format("reports/TEST-%03d.xml", i + 1);
            listings[i] = TestListing.inTurn(ledger, source, i, turns);
            Optional<String> passedOver = reader.readInto(workspace.resolve(source), listings[i]);
            listings[i].finish(passedOver, null);
            turns.done(listings[i]);
            // Files 3 and 2 wait, parked, until file 1 has been counted.
            assertThat(ledger.reading().counts().total()).isEqualTo(i == 0 ? 13 : 0);
        }

        assertThat(ledger.reading().duplicates().first()).contains("C1.t3 in reports/TEST-002.xml");
    }

    private static String testcase(String className, String name, String body) {
        return "<testcase classname=\"" + className + "\" name=\"" + name + "\">" + body + "</testcase>";
    }

    private void write(String relative, String content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
