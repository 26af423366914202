package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCollectorTest {

    @TempDir
    Path workspace;

    private void write(String relative, String content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void shouldReadAFileMatchedByTwoPatternsOnce() throws IOException {
        write("target/surefire-reports/TEST-A.xml", "<testsuite><testcase name=\"a\"/></testsuite>");
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), workspace)
                .testReports("target/surefire-reports/*.xml", "**/TEST-*.xml")
                .build();

        Readings readings = ReportCollector.collect(request);

        assertThat(readings.testFiles()).isEqualTo(1);
        assertThat(readings.tests().counts().total()).isEqualTo(1);
        assertThat(readings.problems()).isEmpty();
    }

    @Test
    void shouldCountATestListedInTwoFilesOnceWithItsWorstOutcome() throws IOException {
        write(
                "run1/TEST-A.xml",
                "<testsuite><testcase classname=\"A\" name=\"a\"/><testcase classname=\"A\" name=\"b\"/></testsuite>");
        write("copy/TEST-A.xml", "<testsuite><testcase classname=\"A\" name=\"a\"><failure/></testcase></testsuite>");
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), workspace)
                .testReports("run1/*.xml", "copy/*.xml")
                .require(TestSelector.parse("a=A.a"))
                .build();

        Readings readings = ReportCollector.collect(request);

        assertThat(readings.testFiles()).isEqualTo(2);
        assertThat(readings.tests().counts()).isEqualTo(TestCounts.of(1, 1, 0, 0, 0));
        assertThat(readings.tests().duplicates().first()).contains("A.a in copy/TEST-A.xml");
        assertThat(readings.tests().selected().get(0).outcomes()).isEqualTo(TestCounts.of(0, 1, 0, 0, 0));
        assertThat(Gate.judge(request, readings).notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("1 testcase repeated a test already listed in the reports (first: A.a in"
                                + " copy/TEST-A.xml); each test was counted once, with its worst outcome"));
    }

    @Test
    void shouldPassOverFailsafesSummaryWithANote() throws IOException {
        write("target/failsafe-reports/TEST-AIT.xml", "<testsuite><testcase name=\"a\"/></testsuite>");
        write(
                "target/failsafe-reports/failsafe-summary.xml",
                "<failsafe-summary><completed>1</completed></failsafe-summary>");
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), workspace)
                .testReports("target/failsafe-reports/*.xml")
                .build();

        Readings readings = ReportCollector.collect(request);

        assertThat(readings.testFiles()).isEqualTo(1);
        assertThat(readings.notes())
                .singleElement()
                .satisfies(note ->
                        assertThat(note).startsWith("target/failsafe-reports/failsafe-summary.xml was passed over"));
    }

    @Test
    void shouldAddUpCoverageOfEveryFormat() throws IOException {
        write("a/jacoco.xml", "<report><counter type=\"LINE\" missed=\"1\" covered=\"3\"/></report>");
        write("b/coverage.xml", "<coverage lines-valid=\"10\" lines-covered=\"5\"/>");
        write("c/coverage.xml", "not xml");
        GateRequest request = GateRequest.builder(Environments.defaults().named("staging"), workspace)
                .coverageReports("a/jacoco.xml, */coverage.xml")
                .build();

        Readings readings = ReportCollector.collect(request);

        assertThat(readings.coverageFiles()).isEqualTo(2);
        assertThat(readings.coverage().get(CoverageMetric.LINE)).contains(new CoverageCounter(8, 6));
        assertThat(readings.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.subject()).isEqualTo("c/coverage.xml"));
    }

    @Test
    void shouldNameTheFileAndPositionOnlyWhenKnown() {
        assertThat(new ReportException("a.xml", ReportException.UNKNOWN, ReportException.UNKNOWN, "gone", "rerun"))
                .hasMessage("cannot read a.xml: gone; fix: rerun");
        assertThat(new ReportException("a.xml", 3, ReportException.UNKNOWN, "bad", "fix it"))
                .hasMessage("cannot read a.xml at line 3: bad; fix: fix it");
        ReportException full = new ReportException("a.xml", 3, 7, "bad", "fix it");
        assertThat(full).hasMessage("cannot read a.xml at line 3, column 7: bad; fix: fix it");
        assertThat(full.problem()).isEqualTo("bad");
        assertThat(full.fix()).isEqualTo("fix it");
    }

    @Test
    void shouldTakeTheWorstVerdict() {
        Criterion passed = Criterion.of("a", CriterionKind.PASS_RATE, Criticality.ERROR, CriterionStatus.PASSED, "ok");
        Criterion unstable =
                Criterion.of("b", CriterionKind.PASS_RATE, Criticality.ERROR, CriterionStatus.UNSTABLE, "meh");
        Criterion failed = Criterion.of("c", CriterionKind.PASS_RATE, Criticality.ERROR, CriterionStatus.FAILED, "no");

        assertThat(Verdict.of(List.of())).isEqualTo(Verdict.PASSED);
        assertThat(Verdict.of(List.of(passed, unstable))).isEqualTo(Verdict.UNSTABLE);
        assertThat(Verdict.of(List.of(failed, unstable, passed))).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.UNSTABLE.forced(false)).isEqualTo(Verdict.UNSTABLE);
        assertThat(Verdict.PASSED.forced(true)).isEqualTo(Verdict.PASSED);
        assertThat(Verdict.FAILED.forced(true)).isEqualTo(Verdict.OVERRIDDEN);
        assertThat(passed.passed()).isTrue();
        assertThat(unstable.passed()).isFalse();
    }
}
