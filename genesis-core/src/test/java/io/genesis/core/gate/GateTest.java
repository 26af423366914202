package io.genesis.core.gate;

import static io.genesis.core.gate.GateFixtures.criterion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTest {

    private static final Environment PRODUCTION = Environments.defaults().named("production");
    private static final CoverageTotals GOOD_COVERAGE =
            new CoverageTotals(Map.of(CoverageMetric.LINE, new CoverageCounter(90, 10)));

    private static GateRequest.Builder request() {
        return GateRequest.builder(PRODUCTION, Path.of("ws"))
                .testReports("*.xml")
                .coverageReports("jacoco.xml");
    }

    private static Readings readings(TestCounts tests, CoverageTotals coverage, SelectorResult... selected) {
        return new Readings(
                1, 1, new TestReading(tests, List.of(selected), 0, Optional.empty()), coverage, List.of(), List.of());
    }

    @Test
    void shouldPassWhenEveryCriterionIsMet() {
        GateVerdict verdict = Gate.judge(request().build(), readings(TestCounts.of(99, 1, 0, 3, 1), GOOD_COVERAGE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(verdict.decided()).isEqualTo(Verdict.PASSED);
        assertThat(verdict.lines())
                .containsExactly(
                        "passed    read 1 test report and 1 coverage report",
                        "passed    pass rate 99.00 % >= 98.00 % required for production (99 passed, 1 failed, 0 errors, 3 skipped, 1 flaky)",
                        "passed    line coverage 90.00 % >= 85.00 % required for production (90 of 100 lines covered)",
                        "note      security findings not checked: production allows at most 0 critical, 0 high,"
                                + " 0 secrets, but no findings reports were given");
        assertThat(verdict.hasInputProblems()).isFalse();
        assertThat(verdict.overrideReason()).isEmpty();
    }

    @Test
    void shouldSayWhatWasMeasuredAgainstWhatInOneLine() {
        GateVerdict verdict = Gate.judge(request().build(), readings(TestCounts.of(1234, 37, 2, 15, 0), GOOD_COVERAGE));

        Criterion passRate = criterion(verdict, "passRate");
        assertThat(passRate.message())
                .isEqualTo("pass rate 96.94 % < 98.00 % required for production"
                        + " (1 234 passed, 37 failed, 2 errors, 15 skipped)");
        assertThat(passRate.measured()).hasValueCloseTo(96.936, offset(0.001));
        assertThat(passRate.threshold()).hasValue(98.0);
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }

    @ParameterizedTest
    @CsvSource({
        // passed, failed, errors, unstable margin, status
        "98, 2, 0, 0, PASSED",
        "98, 1, 1, 0, PASSED",
        "97, 3, 0, 0, FAILED",
        "97, 3, 0, 1, UNSTABLE",
        "97, 3, 0, 0.99, FAILED",
        "96, 4, 0, 1, FAILED",
        "100, 0, 0, 0, PASSED"
    })
    void shouldJudgeThePassRateAtItsBoundary(
            long passed, long failed, long errors, double margin, CriterionStatus expected) {
        GateVerdict verdict = Gate.judge(
                request().unstableMargin(margin).build(),
                readings(TestCounts.of(passed, failed, errors, 0, 0), GOOD_COVERAGE));

        assertThat(criterion(verdict, "passRate").status()).isEqualTo(expected);
        assertThat(verdict.verdict().name()).isEqualTo(expected.name());
    }

    @Test
    void shouldSayAMissWithinTheMarginIsUnstable() {
        GateVerdict verdict =
                Gate.judge(request().unstableMargin(1).build(), readings(TestCounts.of(97, 3, 0, 0, 0), GOOD_COVERAGE));

        assertThat(criterion(verdict, "passRate").message())
                .isEqualTo("pass rate 97.00 % < 98.00 % required for production, within the 1.00-point unstable margin"
                        + " (97 passed, 3 failed, 0 errors, 0 skipped)");
    }

    @ParameterizedTest
    @CsvSource({
        // covered, missed, bar, margin, status
        "85, 15, 85, 0, PASSED",
        "849, 151, 85, 0, FAILED",
        "849, 151, 85, 0.1, UNSTABLE",
        "84, 16, 85, 0.5, FAILED",
        "100, 0, 100, 0, PASSED"
    })
    void shouldJudgeCoverageAtItsBoundary(
            long covered, long missed, double bar, double margin, CriterionStatus expected) {
        GateRequest request = request()
                .minCoverage(CoverageMetric.LINE, Percentage.of("minCoverage", Math.max(bar, 85)))
                .unstableMargin(margin)
                .build();
        CoverageTotals coverage = new CoverageTotals(Map.of(CoverageMetric.LINE, new CoverageCounter(covered, missed)));

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), coverage));

        assertThat(criterion(verdict, "coverage.line").status()).isEqualTo(expected);
    }

    @Test
    void shouldFailWhenCoverageIsRequiredButNoReportWasGiven() {
        GateRequest request = GateRequest.builder(PRODUCTION, Path.of("ws"))
                .testReports("*.xml")
                .build();

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), CoverageTotals.NONE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(criterion(verdict, "coverage.line").message())
                .isEqualTo("line coverage: no coverage report was given, but 85.00 % required for production;"
                        + " pass the coverage reports (such as target/site/jacoco/jacoco.xml)");
    }

    @Test
    void shouldFailWhenTheReportsDoNotMeasureAGatedMetric() {
        GateRequest request = request()
                .minCoverage(CoverageMetric.BRANCH, Percentage.of("minCoverage", 70))
                .build();

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), GOOD_COVERAGE));

        assertThat(criterion(verdict, "coverage.branch").message())
                .isEqualTo(
                        "branch coverage: the coverage reports measured no branches, but 70.00 % required for production");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }

    @ParameterizedTest
    @CsvSource({
        // baseline, covered of 1000, allowed drop, margin, status
        "86.5, 855, 1, 0, PASSED",
        "86.5, 854, 1, 0, FAILED",
        "86.5, 854, 1, 0.5, UNSTABLE",
        "86.5, 870, 0, 0, PASSED",
        "86.5, 864, 0, 0, FAILED"
    })
    void shouldJudgeTheCoverageDropAtItsBoundary(
            double baseline, long covered, double drop, double margin, CriterionStatus expected) {
        GateRequest request = request()
                .minCoverage(CoverageMetric.LINE, Percentage.of("minCoverage", 85))
                .baselineCoverage(CoverageMetric.LINE, Percentage.of("baseline", baseline))
                .maxCoverageDrop(drop)
                .unstableMargin(margin)
                .build();
        CoverageTotals coverage =
                new CoverageTotals(Map.of(CoverageMetric.LINE, new CoverageCounter(covered, 1000 - covered)));

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), coverage));

        assertThat(criterion(verdict, "coverageDrop.line").status()).isEqualTo(expected);
    }

    @Test
    void shouldSayHowFarCoverageMovedFromTheBaseline() {
        GateRequest dropped = request()
                .baselineCoverage(CoverageMetric.LINE, Percentage.of("baseline", 92.5))
                .maxCoverageDrop(1)
                .build();
        GateRequest rose = request()
                .baselineCoverage(CoverageMetric.LINE, Percentage.of("baseline", 89.5))
                .maxCoverageDrop(1)
                .build();
        GateRequest slipped = request()
                .baselineCoverage(CoverageMetric.LINE, Percentage.of("baseline", 90.5))
                .maxCoverageDrop(1)
                .build();
        Readings readings = readings(TestCounts.of(100, 0, 0, 0, 0), GOOD_COVERAGE);

        assertThat(criterion(Gate.judge(dropped, readings), "coverageDrop.line").message())
                .isEqualTo("line coverage 90.00 % dropped 2.50 points from the baseline 92.50 %;"
                        + " a drop of at most 1.00 points is allowed for production");
        assertThat(criterion(Gate.judge(rose, readings), "coverageDrop.line").message())
                .startsWith("line coverage 90.00 % is 0.50 points above the baseline 89.50 %");
        assertThat(criterion(Gate.judge(slipped, readings), "coverageDrop.line").message())
                .startsWith("line coverage 90.00 % is 0.50 points below the baseline 90.50 %");
    }

    @Test
    void shouldFailADropCheckWithoutTheMetric() {
        GateRequest request = request()
                .baselineCoverage(CoverageMetric.BRANCH, Percentage.of("baseline", 70))
                .build();

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), GOOD_COVERAGE));

        assertThat(criterion(verdict, "coverageDrop.branch").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "coverageDrop.branch").message()).contains("measured no branches");
    }

    @Test
    void shouldNoteThatADropLimitWithoutBaselineWasNotChecked() {
        Environment strict = PRODUCTION.withGate(PRODUCTION.gate().withMaxCoverageDrop(1));
        GateRequest request = GateRequest.builder(strict, Path.of("ws"))
                .testReports("*.xml")
                .coverageReports("jacoco.xml")
                .build();

        GateVerdict verdict = Gate.judge(request, readings(TestCounts.of(100, 0, 0, 0, 0), GOOD_COVERAGE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(verdict.notes())
                .containsExactly(
                        "coverage drop not checked: production limits it, but no baseline coverage was given",
                        "security findings not checked: production allows at most 0 critical, 0 high, 0 secrets, but no findings reports were given");
    }

    @Test
    void shouldFailWithoutTests() {
        GateVerdict verdict = Gate.judge(request().build(), readings(TestCounts.NONE, GOOD_COVERAGE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(criterion(verdict, "tests").message()).startsWith("no tests found in 1 test report;");
        assertThat(verdict.criteria()).noneMatch(c -> c.name().equals("passRate"));
    }

    @Test
    void shouldFailWhenEveryTestWasSkipped() {
        GateVerdict verdict = Gate.judge(request().build(), readings(TestCounts.of(0, 0, 0, 4, 0), GOOD_COVERAGE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(criterion(verdict, "tests").message()).startsWith("all 4 tests were skipped;");
    }

    @Test
    void shouldFailARequiredSelectorThatSelectsNothing() {
        TestSelector smoke = TestSelector.of("smoke", "*Smoke*");

        GateVerdict verdict = Gate.judge(
                request().require(smoke).build(),
                readings(TestCounts.of(100, 0, 0, 0, 0), GOOD_COVERAGE, SelectorResult.empty(smoke)));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(criterion(verdict, "required.smoke").message())
                .startsWith(
                        "required tests smoke='*Smoke*' selected no test; a selector that matches nothing proves nothing");
    }

    @Test
    void shouldFailWhenARequiredTestFailsWhateverThePassRate() {
        TestSelector critical = TestSelector.of("critical", "*Critical*");
        List<String> failing = new ArrayList<>();
        IntStream.range(0, SelectorResult.MAX_EXAMPLES).forEach(i -> failing.add("C.t" + i + " (failed)"));
        SelectorResult result = new SelectorResult(critical, TestCounts.of(5, 12, 0, 0, 0), failing, List.of());

        GateVerdict verdict = Gate.judge(
                request().require(critical).build(), readings(TestCounts.of(1000, 12, 0, 0, 0), GOOD_COVERAGE, result));

        assertThat(criterion(verdict, "passRate").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(verdict, "required.critical").message())
                .startsWith(
                        "required tests critical='*Critical*': 12 of 17 selected tests did not pass, and all must for"
                                + " production: C.t0 (failed), C.t1 (failed)")
                .endsWith("C.t9 (failed) and 2 more");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldCallASkippedRequiredTestUnstable() {
        TestSelector smoke = TestSelector.of("smoke", "*Smoke*");
        SelectorResult result = new SelectorResult(smoke, TestCounts.of(4, 0, 0, 1, 1), List.of(), List.of("S.later"));

        GateVerdict verdict = Gate.judge(
                request().require(smoke).build(), readings(TestCounts.of(100, 0, 0, 1, 1), GOOD_COVERAGE, result));

        assertThat(verdict.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(criterion(verdict, "required.smoke").message())
                .isEqualTo(
                        "required tests smoke='*Smoke*': the 4 selected tests that ran passed, but 1 did not run: S.later");
    }

    @Test
    void shouldFailWhenEveryRequiredTestWasSkipped() {
        TestSelector smoke = TestSelector.of("smoke", "*Smoke*");
        SelectorResult result = new SelectorResult(smoke, TestCounts.of(0, 0, 0, 2, 0), List.of(), List.of("a", "b"));

        GateVerdict verdict = Gate.judge(
                request().require(smoke).build(), readings(TestCounts.of(100, 0, 0, 2, 0), GOOD_COVERAGE, result));

        assertThat(criterion(verdict, "required.smoke").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "required.smoke").message()).contains("all 2 selected tests were skipped");
    }

    @Test
    void shouldPassRequiredTestsThatAllPassedAndSayWhichNeededARerun() {
        TestSelector smoke = TestSelector.of("smoke", "*Smoke*");
        SelectorResult result = new SelectorResult(smoke, TestCounts.of(3, 0, 0, 0, 1), List.of(), List.of());

        GateVerdict verdict = Gate.judge(
                request().require(smoke).build(), readings(TestCounts.of(100, 0, 0, 0, 1), GOOD_COVERAGE, result));

        assertThat(criterion(verdict, "required.smoke").message())
                .isEqualTo("required tests smoke='*Smoke*': all 3 selected tests passed (1 only on a rerun)");
        assertThat(verdict.verdict()).isEqualTo(Verdict.PASSED);
    }

    @ParameterizedTest
    @CsvSource({"97, 3, FAILED, OVERRIDDEN", "97.5, 2.5, UNSTABLE, OVERRIDDEN", "99, 1, PASSED, PASSED"})
    void shouldOverrideAGateThatDidNotPassOnlyWhenForced(
            double passed, double failed, Verdict decided, Verdict forced) {
        TestCounts tests = TestCounts.of((long) (passed * 2), (long) (failed * 2), 0, 0, 0);
        GateRequest plain = request().unstableMargin(0.5).build();
        GateRequest force =
                request().unstableMargin(0.5).force("incident 42: hotfix").build();

        GateVerdict notForced = Gate.judge(plain, readings(tests, GOOD_COVERAGE));
        GateVerdict overridden = Gate.judge(force, readings(tests, GOOD_COVERAGE));

        assertThat(notForced.verdict()).isEqualTo(decided);
        assertThat(overridden.verdict()).isEqualTo(forced);
        assertThat(overridden.decided()).isEqualTo(decided);
        if (forced == Verdict.OVERRIDDEN) {
            assertThat(overridden.overrideReason()).contains("incident 42: hotfix");
            assertThat(overridden.lines())
                    .last()
                    .isEqualTo("override  gate " + decided + " but overridden: incident 42: hotfix");
        } else {
            assertThat(overridden.overrideReason()).isEmpty();
            assertThat(overridden.notes()).contains("force was requested, but the gate passed: nothing was overridden");
        }
    }

    @Test
    void shouldFailOnEveryReportProblemButShowOnlyTheFirstFew() {
        List<ReportProblem> problems = IntStream.range(0, Gate.MAX_PROBLEM_LINES + 3)
                .mapToObj(i -> new ReportProblem("f" + i, "cannot read f" + i))
                .toList();
        Readings readings = new Readings(
                100,
                1,
                new TestReading(TestCounts.of(100, 0, 0, 0, 0), List.of(), 0, Optional.empty()),
                GOOD_COVERAGE,
                problems,
                List.of("a note"));

        GateVerdict verdict = Gate.judge(request().build(), readings);

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.hasInputProblems()).isTrue();
        assertThat(verdict.criteria().stream().filter(c -> c.name().equals("reports")))
                .hasSize(Gate.MAX_PROBLEM_LINES + 1)
                .last()
                .satisfies(c -> assertThat(c.message()).isEqualTo("and 3 more report problems"));
        assertThat(verdict.notes())
                .containsExactly(
                        "a note",
                        "security findings not checked: production allows at most 0 critical, 0 high, 0 secrets, but no findings reports were given");
    }

    @Test
    void shouldNoteJestTodoEntries() {
        Readings readings = new Readings(
                1,
                1,
                new TestReading(TestCounts.of(10, 0, 0, 2, 0), List.of(), 2, Optional.empty()),
                GOOD_COVERAGE,
                List.of(),
                List.of());

        assertThat(Gate.judge(request().build(), readings).notes())
                .containsExactly(
                        "security findings not checked: production allows at most 0 critical, 0 high, 0 secrets, but no findings reports were given",
                        "2 tests were counted as skipped: jest-junit writes test.todo entries as testcases but"
                                + " leaves them out of its suites' test counts");
    }

    @Test
    void shouldRefuseAnOverriddenVerdictWithoutReason() {
        Readings readings = readings(TestCounts.NONE, CoverageTotals.NONE);

        assertThatThrownBy(() -> new GateVerdict(
                        Verdict.OVERRIDDEN, Verdict.FAILED, "x", readings, List.of(), List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("override reason");
    }

    @ParameterizedTest
    @CsvSource({
        // criticality of coverage, verdict, consequence, line suffix
        "NOTE, PASSED, NOTE, ' [note]'",
        "UNSTABLE, UNSTABLE, UNSTABLE, ' [unstable]'",
        "FAILURE, FAILED, FAILURE, ' [failure]'",
        "ERROR, FAILED, ERROR, ''"
    })
    void shouldJudgeAMissedCriterionByItsCriticality(
            Criticality criticality, Verdict verdict, Criticality consequence, String suffix) {
        Environment production =
                PRODUCTION.withGate(PRODUCTION.gate().withCriticality(CriterionKind.COVERAGE, criticality));
        CoverageTotals low = new CoverageTotals(Map.of(CoverageMetric.LINE, new CoverageCounter(50, 50)));

        GateVerdict judged = Gate.judge(
                GateRequest.builder(production, Path.of("ws"))
                        .testReports("*.xml")
                        .coverageReports("jacoco.xml")
                        .build(),
                readings(TestCounts.of(99, 1, 0, 0, 0), low));

        assertThat(judged.verdict()).isEqualTo(verdict);
        assertThat(judged.consequence()).contains(consequence);
        Criterion coverage = criterion(judged, "coverage.line");
        assertThat(coverage.kind()).isEqualTo(CriterionKind.COVERAGE);
        assertThat(coverage.criticality()).isEqualTo(criticality);
        assertThat(judged.lines())
                .contains(String.format(
                        "%-9s %s",
                        coverage.status().name().toLowerCase(java.util.Locale.ROOT), coverage.message() + suffix));
        assertThat(criterion(judged, "passRate").criticality()).isEqualTo(Criticality.ERROR);
    }

    @Test
    void shouldHaveNoConsequenceWhenEveryCriterionIsMet() {
        GateVerdict verdict = Gate.judge(request().build(), readings(TestCounts.of(99, 1, 0, 3, 1), GOOD_COVERAGE));

        assertThat(verdict.consequence()).isEmpty();
    }

    @Test
    void shouldFailOnMissingTestsWhateverTheCriticalities() {
        GateThresholds lenient = PRODUCTION
                .gate()
                .withCriticality(CriterionKind.PASS_RATE, Criticality.NOTE)
                .withCriticality(CriterionKind.COVERAGE, Criticality.NOTE);

        GateVerdict verdict = Gate.judge(
                GateRequest.builder(PRODUCTION.withGate(lenient), Path.of("ws"))
                        .testReports("*.xml")
                        .build(),
                readings(TestCounts.of(0, 0, 0, 0, 0), GOOD_COVERAGE));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict.consequence()).contains(Criticality.ERROR);
        assertThat(criterion(verdict, "tests").criticality()).isEqualTo(Criticality.ERROR);
    }
}
