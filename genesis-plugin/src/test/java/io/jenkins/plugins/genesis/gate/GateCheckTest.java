package io.jenkins.plugins.genesis.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.genesis.core.policy.Environment;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a pull request shows of a gate: the mapping from a verdict to the check's content. */
class GateCheckTest {

    @TempDir
    Path workspace;

    private GateReport evaluate(GenesisGateStep step, Environment environment, int passed, int failed, int covered)
            throws IOException {
        GateFixtures.writeTests(workspace, "reports/TEST-ShopTest.xml", "com.example.ShopTest", passed, failed);
        GateFixtures.writeCoverage(workspace, covered, 100 - covered);
        return GateReport.fromJson(GateEvaluation.evaluate(GateFixtures.input(step, environment), workspace));
    }

    @Test
    void shouldShowOneRowPerCriterionWithItsMeasuredValueAndBar() throws IOException {
        // given: 96 % pass rate (bar 95), 80 % line coverage (bar 85)
        GateReport report = evaluate(GateFixtures.step(), GateFixtures.STAGING, 96, 4, 80);

        // when
        GateCheck check = GateCheck.of(report, null);

        // then
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(check.name()).isEqualTo("Genesis gate (staging)");
        softly.assertThat(check.conclusion()).isEqualTo(GateCheck.Conclusion.FAILURE);
        softly.assertThat(check.title()).isEqualTo("staging: FAILED, 1 of 3 criteria not met");
        softly.assertThat(check.summary())
                .contains("Tests: 100 total, 96 passed, 4 failed, 0 errors, 0 skipped, 0 flaky; pass rate 96.00 %")
                .contains("Coverage: line 80.00 %");
        softly.assertThat(check.text().lines().toList())
                .containsExactly(
                        "| criterion | status | criticality | measured | bar | details |",
                        "|---|---|---|---:|---:|---|",
                        "| reports | passed | error | 2.00 |  | read 1 test report and 1 coverage report |",
                        "| passRate | passed | error | 96.00 | 95.00 | "
                                + report.criteria().get(1).getMessage() + " |",
                        "| coverage.line | failed | error | 80.00 | 85.00 | "
                                + report.criteria().get(2).getMessage() + " |");
        softly.assertAll();
    }

    @ParameterizedTest
    @CsvSource({
        "100, 0, 90, SUCCESS", // passed
        "100, 0, 84, NEUTRAL", // unstable: coverage within the margin
        "80, 20, 90, FAILURE" // failed
    })
    void shouldConcludeFromTheVerdict(int passed, int failed, int covered, GateCheck.Conclusion conclusion)
            throws IOException {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setUnstableMargin(2.0);

        // when
        GateCheck check = GateCheck.of(evaluate(step, GateFixtures.STAGING, passed, failed, covered), null);

        // then
        assertThat(check.conclusion()).isEqualTo(conclusion);
    }

    @Test
    void shouldPassAGateWhoseMissedCriteriaAreNotesButShowThem() throws IOException {
        // given
        Environment noteOnly = GateFixtures.STAGING.withGate(
                GateFixtures.STAGING.gate().withCriticality(CriterionKind.COVERAGE, Criticality.NOTE));

        // when
        GateCheck check = GateCheck.of(evaluate(GateFixtures.step(), noteOnly, 100, 0, 50), null);

        // then
        assertThat(check.conclusion()).isEqualTo(GateCheck.Conclusion.SUCCESS);
        assertThat(check.title()).isEqualTo("staging: PASSED, 1 of 3 criteria not met");
        assertThat(check.text()).contains("| coverage.line | failed | note | 50.00 | 85.00 |");
    }

    @Test
    void shouldSayWhoForcedTheGateAndWhy() throws IOException {
        // given
        GenesisGateStep step = GateFixtures.step();
        step.setForce(true);
        step.setReason("INC-1234: flaky | sandbox\nsee ticket");

        // when
        GateCheck check = GateCheck.of(evaluate(step, GateFixtures.STAGING, 50, 50, 90), "alice");

        // then
        assertThat(check.conclusion()).isEqualTo(GateCheck.Conclusion.NEUTRAL);
        assertThat(check.title()).startsWith("staging: OVERRIDDEN");
        assertThat(check.summary())
                .contains("The gate FAILED but was forced through by alice: INC-1234: flaky \\| sandbox see ticket");
    }

    @Test
    void shouldKeepMarkdownTableCellsOnOneLine() {
        assertThat(GateCheck.cell("a|b\r\nc")).isEqualTo("a\\|b  c");
    }
}
