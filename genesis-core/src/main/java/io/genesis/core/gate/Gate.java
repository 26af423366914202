package io.genesis.core.gate;

import io.genesis.core.policy.Percentage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The quality gate: a policy and a run's reports in, a verdict out.
 *
 * <p>Criteria, in order: the reports could all be found and read; there are tests, and some ran;
 * the pass rate reaches the bar; each gated coverage metric reaches its bar; coverage did not drop
 * more than allowed below the baseline; every required-test selector selected tests, and they all
 * passed. What a criterion that is not met does is its criticality (error unless the environment or
 * the request says otherwise; input problems are always errors), and the gate's verdict follows the
 * worst of them. A threshold missed by no more than the request's unstable margin, or a skipped
 * required test, does at most what an unstable criterion does. A forced request turns a
 * gate that did not pass into {@link Verdict#OVERRIDDEN}.
 */
public final class Gate {

    /** More unreadable files than this are summed up in one line, to keep verdicts readable. */
    static final int MAX_PROBLEM_LINES = 20;

    private Gate() {}

    /**
     * Finds and reads the request's reports and judges them.
     *
     * @throws IllegalArgumentException when the request loosens a threshold its environment does
     *     not let it loosen; nothing has been read then
     */
    public static GateVerdict evaluate(GateRequest request) {
        GatePolicy policy = GatePolicy.of(request);
        return judge(request, policy, ReportCollector.collect(request));
    }

    /**
     * Judges readings obtained elsewhere (for example from a CI server's own test results) by the
     * request's policy; the request's report patterns are only used to know whether coverage was
     * given.
     */
    public static GateVerdict judge(GateRequest request, Readings readings) {
        return judge(request, GatePolicy.of(request), readings);
    }

    private static GateVerdict judge(GateRequest request, GatePolicy policy, Readings readings) {
        List<Criterion> criteria = new ArrayList<>();
        List<String> notes = new ArrayList<>(readings.notes());
        reports(readings, criteria);
        TestCounts tests = readings.tests().counts();
        tests(policy, tests, readings.testFiles(), criteria);
        coverage(request, policy, readings, criteria);
        coverageDrop(policy, readings.coverage(), criteria, notes);
        readings.tests().selected().forEach(result -> criteria.add(RequiredTestsCriterion.judge(policy, result)));
        FindingsCriteria.judge(policy, !request.findings().reports().isEmpty(), readings, criteria, notes);
        BenchmarkCriteria.judge(policy, request.benchmarks(), readings, criteria, notes);
        if (readings.tests().todo() > 0) {
            notes.add(Format.count(readings.tests().todo(), "test was", "tests were")
                    + " counted as skipped: jest-junit writes test.todo entries as testcases but leaves them out"
                    + " of its suites' test counts");
        }
        DuplicateTests duplicates = readings.tests().duplicates();
        if (duplicates.count() > 0) {
            notes.add(Format.count(duplicates.count(), "testcase repeated a test", "testcases repeated tests")
                    + " already listed in the reports (first: "
                    + duplicates.first().orElseThrow()
                    + "); each test was counted once, with its worst outcome, as the tools that wrote them count it");
        }
        Verdict decided = Verdict.of(criteria);
        Verdict verdict = decided.forced(request.forced());
        if (request.forced() && decided == Verdict.PASSED) {
            notes.add("force was requested, but the gate passed: nothing was overridden");
        }
        return new GateVerdict(
                verdict,
                decided,
                policy.environment(),
                readings,
                criteria,
                notes,
                verdict == Verdict.OVERRIDDEN ? request.forceReason() : Optional.empty(),
                verdict == Verdict.OVERRIDDEN ? request.forcedBy() : Optional.empty());
    }

    private static void reports(Readings readings, List<Criterion> criteria) {
        List<ReportProblem> problems = readings.problems();
        for (int i = 0; i < problems.size() && i < MAX_PROBLEM_LINES; i++) {
            criteria.add(Criterion.of(
                    "reports",
                    CriterionKind.REPORTS,
                    Criticality.ERROR,
                    CriterionStatus.FAILED,
                    problems.get(i).message()));
        }
        if (problems.size() > MAX_PROBLEM_LINES) {
            criteria.add(Criterion.of(
                    "reports",
                    CriterionKind.REPORTS,
                    Criticality.ERROR,
                    CriterionStatus.FAILED,
                    "and "
                            + Format.count(
                                    problems.size() - MAX_PROBLEM_LINES,
                                    "more report problem",
                                    "more report problems")));
        }
        if (problems.isEmpty()) {
            criteria.add(new Criterion(
                    "reports",
                    CriterionKind.REPORTS,
                    Criticality.ERROR,
                    CriterionStatus.PASSED,
                    OptionalDouble.of(readings.testFiles() + readings.coverageFiles() + readings.findingsFiles()),
                    OptionalDouble.empty(),
                    "read " + Format.count(readings.testFiles(), "test report", "test reports")
                            + (readings.coverageFiles() > 0
                                    ? " and "
                                            + Format.count(
                                                    readings.coverageFiles(), "coverage report", "coverage reports")
                                    : "")
                            + (readings.findingsFiles() > 0
                                    ? " and "
                                            + Format.count(
                                                    readings.findingsFiles(), "findings report", "findings reports")
                                    : "")));
        }
    }

    private static void tests(GatePolicy policy, TestCounts tests, int files, List<Criterion> criteria) {
        if (tests.total() == 0) {
            criteria.add(Criterion.of(
                    "tests",
                    CriterionKind.TESTS,
                    Criticality.ERROR,
                    CriterionStatus.FAILED,
                    "no tests found in " + Format.count(files, "test report", "test reports")
                            + "; a gate without tests cannot pass: check that the tests ran and that the pattern"
                            + " matches their reports"));
            return;
        }
        Optional<Percentage> rate = tests.passRate();
        if (rate.isEmpty()) {
            criteria.add(Criterion.of(
                    "tests",
                    CriterionKind.TESTS,
                    Criticality.ERROR,
                    CriterionStatus.FAILED,
                    "all " + Format.count(tests.total(), "test was", "tests were")
                            + " skipped; skipped tests prove nothing, so the pass rate is undefined"));
            return;
        }
        double measured = rate.get().value();
        double bar = policy.thresholds().minPassRate().value();
        CriterionStatus status = CriterionStatus.reaching(measured, bar, policy.unstableMargin());
        String[] shown = Format.percents(measured, bar);
        criteria.add(Criterion.of(
                "passRate",
                CriterionKind.PASS_RATE,
                policy.criticalityOf(CriterionKind.PASS_RATE),
                status,
                measured,
                bar,
                "pass rate " + shown[0] + (status == CriterionStatus.PASSED ? " >= " : " < ") + shown[1]
                        + " required for " + policy.environment() + margin(status, policy) + " (" + describe(tests)
                        + ")"));
    }

    private static void coverage(GateRequest request, GatePolicy policy, Readings readings, List<Criterion> criteria) {
        for (Map.Entry<CoverageMetric, Percentage> bar :
                policy.thresholds().minCoverage().entrySet()) {
            CoverageMetric metric = bar.getKey();
            String name = "coverage." + metric.label();
            String label = metric.label() + " coverage";
            String required = Format.percent(bar.getValue().value()) + " required for " + policy.environment();
            if (request.coverageReports().isEmpty()) {
                criteria.add(Criterion.of(
                        name,
                        CriterionKind.COVERAGE,
                        policy.criticalityOf(CriterionKind.COVERAGE),
                        CriterionStatus.FAILED,
                        label + ": no coverage report was given, but " + required
                                + "; pass the coverage reports (such as target/site/jacoco/jacoco.xml)"));
                continue;
            }
            Optional<CoverageCounter> counter = readings.coverage().get(metric);
            Optional<Percentage> percent = counter.flatMap(CoverageCounter::percentage);
            if (percent.isEmpty()) {
                criteria.add(Criterion.of(
                        name,
                        CriterionKind.COVERAGE,
                        policy.criticalityOf(CriterionKind.COVERAGE),
                        CriterionStatus.FAILED,
                        label + ": the coverage reports measured no " + metric.unit() + ", but " + required));
                continue;
            }
            double measured = percent.get().value();
            CriterionStatus status =
                    CriterionStatus.reaching(measured, bar.getValue().value(), policy.unstableMargin());
            String[] shown = Format.percents(measured, bar.getValue().value());
            criteria.add(Criterion.of(
                    name,
                    CriterionKind.COVERAGE,
                    policy.criticalityOf(CriterionKind.COVERAGE),
                    status,
                    measured,
                    bar.getValue().value(),
                    label + " " + shown[0] + (status == CriterionStatus.PASSED ? " >= " : " < ") + shown[1]
                            + " required for " + policy.environment() + margin(status, policy) + " ("
                            + Format.count(counter.get().covered()) + " of "
                            + Format.count(counter.get().total())
                            + " " + metric.unit() + " covered)"));
        }
    }

    private static void coverageDrop(
            GatePolicy policy, CoverageTotals coverage, List<Criterion> criteria, List<String> notes) {
        if (policy.baselineCoverage().isEmpty()) {
            if (policy.thresholds().maxCoverageDrop().isPresent()) {
                notes.add("coverage drop not checked: " + policy.environment()
                        + " limits it, but no baseline coverage was given");
            }
            return;
        }
        double allowed = policy.maxCoverageDrop();
        for (Map.Entry<CoverageMetric, Percentage> baseline :
                policy.baselineCoverage().entrySet()) {
            CoverageMetric metric = baseline.getKey();
            String name = "coverageDrop." + metric.label();
            Optional<Percentage> percent = coverage.get(metric).flatMap(CoverageCounter::percentage);
            if (percent.isEmpty()) {
                criteria.add(Criterion.of(
                        name,
                        CriterionKind.COVERAGE_DROP,
                        policy.criticalityOf(CriterionKind.COVERAGE_DROP),
                        CriterionStatus.FAILED,
                        metric.label() + " coverage drop: the coverage reports measured no " + metric.unit()
                                + " to compare with the baseline "
                                + Format.percent(baseline.getValue().value())));
                continue;
            }
            double measured = percent.get().value();
            double before = baseline.getValue().value();
            double floor = Math.max(0, before - allowed);
            CriterionStatus status = CriterionStatus.reaching(measured, floor, policy.unstableMargin());
            double change = measured - before;
            String movement = change >= 0
                    ? " is " + Format.points(change) + " points above the baseline "
                    : (status == CriterionStatus.PASSED ? " is " : " dropped ") + Format.points(-change) + " points "
                            + (status == CriterionStatus.PASSED ? "below" : "from") + " the baseline ";
            criteria.add(Criterion.of(
                    name,
                    CriterionKind.COVERAGE_DROP,
                    policy.criticalityOf(CriterionKind.COVERAGE_DROP),
                    status,
                    measured,
                    floor,
                    metric.label() + " coverage " + Format.percent(measured) + movement + Format.percent(before)
                            + "; a drop of at most " + Format.points(allowed) + " points is allowed for "
                            + policy.environment() + margin(status, policy)));
        }
    }

    private static String margin(CriterionStatus status, GatePolicy policy) {
        return status == CriterionStatus.UNSTABLE
                ? ", within the " + Format.points(policy.unstableMargin()) + "-point unstable margin"
                : "";
    }

    /** {@code 27 passed, 2 failed, 1 error, 2 skipped, 1 flaky}. */
    static String describe(TestCounts tests) {
        return Format.count(tests.passed()) + " passed, " + Format.count(tests.failed()) + " failed, "
                + Format.count(tests.errors(), "error", "errors") + ", " + Format.count(tests.skipped()) + " skipped"
                + (tests.flaky() > 0 ? ", " + Format.count(tests.flaky()) + " flaky" : "");
    }
}
