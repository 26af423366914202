package io.genesis.core.gate;

import java.util.List;

/**
 * The {@code required.<selector>} criterion: the selector picked at least one test, and every test
 * it picked passed. None picked fails (a selector that matches nothing proves nothing), a failed or
 * errored test fails, all skipped fails, and some skipped while the rest passed is unstable.
 */
final class RequiredTestsCriterion {

    private RequiredTestsCriterion() {}

    /** The criterion of one required-test selector. */
    static Criterion judge(GatePolicy policy, SelectorResult result) {
        String name = "required." + result.selector().name();
        String label = "required tests " + result.selector();
        TestCounts counts = result.outcomes();
        if (counts.total() == 0) {
            return Criterion.of(
                    name,
                    CriterionKind.REQUIRED,
                    policy.criticalityOf(CriterionKind.REQUIRED),
                    CriterionStatus.FAILED,
                    0,
                    0,
                    label + " selected no test; a selector that matches nothing proves nothing: fix the pattern"
                            + " (it is matched against class names, test names and class.test) or remove it");
        }
        long notPassed = counts.failed() + counts.errors();
        if (notPassed > 0) {
            return Criterion.of(
                    name,
                    CriterionKind.REQUIRED,
                    policy.criticalityOf(CriterionKind.REQUIRED),
                    CriterionStatus.FAILED,
                    counts.passed(),
                    counts.total(),
                    label + ": " + Format.count(notPassed) + " of "
                            + Format.count(counts.total(), "selected test", "selected tests")
                            + " did not pass, and all must for " + policy.environment() + ": "
                            + examples(result.notPassed(), notPassed));
        }
        if (counts.executed() == 0) {
            return Criterion.of(
                    name,
                    CriterionKind.REQUIRED,
                    policy.criticalityOf(CriterionKind.REQUIRED),
                    CriterionStatus.FAILED,
                    0,
                    counts.total(),
                    label + ": all " + Format.count(counts.total(), "selected test was", "selected tests were")
                            + " skipped; none ran, so none proved anything: "
                            + examples(result.skipped(), counts.skipped()));
        }
        if (counts.skipped() > 0) {
            return Criterion.of(
                    name,
                    CriterionKind.REQUIRED,
                    policy.criticalityOf(CriterionKind.REQUIRED),
                    CriterionStatus.UNSTABLE,
                    counts.passed(),
                    counts.total(),
                    label + ": the " + Format.count(counts.executed(), "selected test", "selected tests")
                            + " that ran passed, but " + Format.count(counts.skipped()) + " did not run: "
                            + examples(result.skipped(), counts.skipped()));
        }
        return Criterion.of(
                name,
                CriterionKind.REQUIRED,
                policy.criticalityOf(CriterionKind.REQUIRED),
                CriterionStatus.PASSED,
                counts.passed(),
                counts.total(),
                label + ": all " + Format.count(counts.total(), "selected test", "selected tests") + " passed"
                        + (counts.flaky() > 0 ? " (" + Format.count(counts.flaky()) + " only on a rerun)" : ""));
    }

    private static String examples(List<String> names, long count) {
        String shown = String.join(", ", names);
        return count > names.size() ? shown + " and " + Format.count(count - names.size()) + " more" : shown;
    }
}
