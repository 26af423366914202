package io.genesis.benchmarks.gate;

/**
 * Test totals as Surefire prints them at the end of a build: every test counted once, reruns not
 * counted, a flaky test (failed, then passed on rerun) counted as passed and also as flaky.
 *
 * @param total every {@code <testcase>}
 * @param passed total minus failed, errors and skipped (flaky tests included)
 * @param failed test cases whose every attempt failed an assertion
 * @param errors test cases whose every attempt threw
 * @param skipped test cases marked skipped
 * @param flaky passed test cases that failed at least one earlier attempt
 */
public record TestTotals(long total, long passed, long failed, long errors, long skipped, long flaky) {

    /** No tests at all. */
    public static final TestTotals NONE = new TestTotals(0, 0, 0, 0, 0, 0);

    /** Checks that the counts add up, so a generator or reader bug shows at once. */
    public TestTotals {
        if (total < 0 || passed < 0 || failed < 0 || errors < 0 || skipped < 0 || flaky < 0) {
            throw new IllegalArgumentException(
                    "test counts must not be negative, got " + describe(total, passed, failed, errors, skipped, flaky));
        }
        if (passed + failed + errors + skipped != total) {
            throw new IllegalArgumentException("passed + failed + errors + skipped must equal total, got "
                    + describe(total, passed, failed, errors, skipped, flaky));
        }
        if (flaky > passed) {
            throw new IllegalArgumentException("flaky tests are passed tests, so flaky must not exceed passed, got "
                    + describe(total, passed, failed, errors, skipped, flaky));
        }
    }

    /** Builds counts from the outcome tallies; passed is derived. */
    public static TestTotals of(long total, long failed, long errors, long skipped, long flaky) {
        return new TestTotals(total, total - failed - errors - skipped, failed, errors, skipped, flaky);
    }

    /** The sum of two sets of counts, for adding files up. */
    public TestTotals plus(TestTotals other) {
        return new TestTotals(
                total + other.total,
                passed + other.passed,
                failed + other.failed,
                errors + other.errors,
                skipped + other.skipped,
                flaky + other.flaky);
    }

    private static String describe(long total, long passed, long failed, long errors, long skipped, long flaky) {
        return "total=" + total + " passed=" + passed + " failed=" + failed + " errors=" + errors + " skipped="
                + skipped + " flaky=" + flaky;
    }
}
