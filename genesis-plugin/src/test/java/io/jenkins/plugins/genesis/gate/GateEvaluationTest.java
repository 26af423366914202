package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.GateSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The work the agent does, on real report files: the engine's verdict, as JSON. */
class GateEvaluationTest {

    @TempDir
    Path workspace;

    @ParameterizedTest
    @CsvSource({
        // passed, failed, covered lines (of 100), unstable margin, verdict
        "95, 5, 85, 0, PASSED",
        "94, 6, 85, 0, FAILED",
        "94, 6, 85, 1, UNSTABLE",
        "95, 5, 84, 0, FAILED",
        "95, 5, 84, 1, UNSTABLE"
    })
    void shouldJudgeTheReportsInTheWorkspace(int passed, int failed, int covered, double margin, String verdict)
            throws IOException {
        // given: staging wants a 95 % pass rate and 85 % line coverage
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", passed, failed);
        GateFixtures.writeCoverage(workspace, covered, 100 - covered);
        GenesisGateStep step = GateFixtures.step();
        step.setUnstableMargin(margin);

        // when
        GateSummary summary = GateSummary.fromJson(GateEvaluation.evaluate(GateFixtures.input(step), workspace));

        // then
        assertThat(summary.verdict()).isEqualTo(verdict);
        assertThat(summary.environment()).isEqualTo("staging");
        assertThat(summary.tests().total()).isEqualTo(passed + failed);
        assertThat(summary.coverage().get("line").covered()).isEqualTo(covered);
    }

    @Test
    void shouldRecordTheReasonOfAForcedGate() throws IOException {
        // given
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 1, 9);
        GateFixtures.writeCoverage(workspace, 10, 90);
        GenesisGateStep step = GateFixtures.step();
        step.setForce(true);
        step.setReason("INC-1234: hotfix");

        // when
        GateSummary summary = GateSummary.fromJson(GateEvaluation.evaluate(GateFixtures.input(step), workspace));

        // then
        assertThat(summary.verdict()).isEqualTo("OVERRIDDEN");
        assertThat(summary.decided()).isEqualTo("FAILED");
        assertThat(summary.overrideReason()).isEqualTo("INC-1234: hotfix");
    }

    @Test
    void shouldCheckRequiredTestsInTheReports() throws IOException {
        // given
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 99, 0);
        GateFixtures.writeTests(
                workspace, "reports/TEST-CheckoutCriticalTest.xml", "com.example.CheckoutCriticalTest", 0, 1);
        GateFixtures.writeCoverage(workspace, 90, 10);
        GenesisGateStep step = GateFixtures.step();
        step.setRequiredTests(List.of(new RequiredTest("critical", "*Critical*")));

        // when
        GateSummary summary = GateSummary.fromJson(GateEvaluation.evaluate(GateFixtures.input(step), workspace));

        // then: 99 % passes staging's pass rate, but the critical test failed
        assertThat(summary.verdict()).isEqualTo("FAILED");
        assertThat(summary.criteria())
                .filteredOn(c -> c.name().equals("required.critical"))
                .singleElement()
                .satisfies(c -> assertThat(c.message()).contains("CheckoutCriticalTest.fails0 (failed)"));
    }

    @Test
    void shouldFailWhenAPatternMatchesNothing() {
        // when: the workspace is empty
        GateSummary summary =
                GateSummary.fromJson(GateEvaluation.evaluate(GateFixtures.input(GateFixtures.step()), workspace));

        // then
        assertThat(summary.verdict()).isEqualTo("FAILED");
        assertThat(summary.criteria())
                .anySatisfy(c -> assertThat(c.message()).contains("no files matched reports/*.xml"));
    }

    @Test
    void shouldJudgeTheJUnitPluginsTotalsWithCoverageFromTheWorkspace() throws IOException {
        // given: the JUnit plugin recorded 100 tests, 6 of them failed (errors included), 2 skipped
        GateFixtures.writeCoverage(workspace, 90, 10);
        GenesisGateStep step = GateFixtures.step();
        step.setTests("");
        step.setTestResultsSource("junit");

        // when
        GateSummary summary = GateSummary.fromJson(
                GateEvaluation.evaluate(GateFixtures.junitInput(step, JUnitTotals.recorded(100, 6, 2)), workspace));

        // then: 92 of the 98 that ran passed, below staging's 95 %
        assertThat(summary.verdict()).isEqualTo("FAILED");
        assertThat(summary.tests()).isEqualTo(new GateSummary.Tests(100, 92, 6, 0, 2, 0));
        assertThat(summary.coverage().get("line").covered()).isEqualTo(90);
        assertThat(summary.reports()).isEqualTo(new GateSummary.Reports(0, 1));
        assertThat(summary.notes())
                .first()
                .satisfies(note -> assertThat(note)
                        .contains("the junit step recorded")
                        .contains("counts errors as failures")
                        .contains("adds up every junit call"));
    }

    @Test
    void shouldFailWhenTheJUnitPluginRecordedNothing() throws IOException {
        // given
        GateFixtures.writeCoverage(workspace, 90, 10);
        GenesisGateStep step = GateFixtures.step();
        step.setTests("");
        step.setTestResultsSource("junit");

        // when
        GateSummary summary = GateSummary.fromJson(
                GateEvaluation.evaluate(GateFixtures.junitInput(step, JUnitTotals.noneRecorded()), workspace));

        // then
        assertThat(summary.verdict()).isEqualTo("FAILED");
        assertThat(summary.criteria()).anySatisfy(c -> assertThat(c.name()).isEqualTo("tests"));
        assertThat(summary.notes())
                .first()
                .satisfies(note -> assertThat(note).contains("call junit before genesisGate"));
    }

    @Test
    void shouldHandBackTheRecordOfTheCommitAndUseTheRecordedBaseline() throws IOException {
        // given: a passing build of a known commit whose benchmarks have no baseline anywhere
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", 20, 0);
        GateFixtures.writeCoverage(workspace, 90, 10);
        java.nio.file.Files.writeString(workspace.resolve("jmh.json"), "[]");
        GenesisGateStep step = GateFixtures.step();
        step.setBenchmarks("jmh.json");
        step.setApplication("shop");
        GateSettings settings = new GateSettings(step);
        String none = io.genesis.core.gate.record.GateRecordJson.write(
                io.genesis.core.gate.RecordedBaseline.none("nothing of shop has been deployed to staging yet"));
        GateInput input = new GateInput(
                settings,
                GateFixtures.input(step).environment,
                null,
                GateRecords.commit(" 0123456789abcdef0123456789abcdef01234567 "),
                none);

        // when
        String[] judged = GateEvaluation.judge(input, workspace);

        // then: the benchmark criterion names why it has no baseline, and the record is of that commit
        GateSummary summary = GateSummary.fromJson(judged[0]);
        assertThat(summary.verdict()).isEqualTo("FAILED");
        assertThat(judged[0])
                .contains("no baseline to compare them with: nothing of shop has been deployed to staging");
        io.genesis.core.gate.record.GateRecord record = io.genesis.core.gate.record.GateRecordJson.read(judged[1]);
        assertThat(record.commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(record.environment()).isEqualTo("staging");
        assertThat(record.verdict()).hasToString("FAILED");
        assertThat(GateRecords.commit("not-a-commit")).isNull();
        assertThat(GateEvaluation.judge(GateFixtures.input(step), workspace)[1]).isNull();
    }
}
