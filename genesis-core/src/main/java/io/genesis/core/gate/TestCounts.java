package io.genesis.core.gate;

import io.genesis.core.policy.Percentage;
import java.util.Optional;

/**
 * How many tests ran and how they ended. Every test is in exactly one of passed, failed, errors
 * and skipped; a flaky test (failed, then passed on a rerun) is counted in {@code passed} and also
 * in {@code flaky}, as Surefire does.
 *
 * @param total every test, once, whatever its reruns
 * @param passed tests that passed, flaky ones included
 * @param failed tests whose assertions failed
 * @param errors tests that ended with an unexpected exception
 * @param skipped tests that did not run (disabled, assumptions, xfail, todo)
 * @param flaky passed tests that needed a rerun
 */
public record TestCounts(long total, long passed, long failed, long errors, long skipped, long flaky) {

    public static final TestCounts NONE = new TestCounts(0, 0, 0, 0, 0, 0);

    public TestCounts {
        requireNotNegative("total", total);
        requireNotNegative("passed", passed);
        requireNotNegative("failed", failed);
        requireNotNegative("errors", errors);
        requireNotNegative("skipped", skipped);
        requireNotNegative("flaky", flaky);
        if (Math.addExact(Math.addExact(passed, failed), Math.addExact(errors, skipped)) != total) {
            throw new IllegalArgumentException("test counts do not add up: " + passed + " passed + " + failed
                    + " failed + " + errors + " errors + " + skipped + " skipped != " + total + " total");
        }
        if (flaky > passed) {
            throw new IllegalArgumentException(
                    "flaky tests (" + flaky + ") are counted as passed, so cannot exceed passed (" + passed + ")");
        }
    }

    /** Counts from the four outcomes; the total is their sum. */
    public static TestCounts of(long passed, long failed, long errors, long skipped, long flaky) {
        return new TestCounts(passed + failed + errors + skipped, passed, failed, errors, skipped, flaky);
    }

    /** Tests that ran to an outcome: passed + failed + errors. Skipped tests prove nothing. */
    public long executed() {
        return passed + failed + errors;
    }

    /** passed ÷ (passed + failed + errors), or empty when no test ran. */
    public Optional<Percentage> passRate() {
        long executed = executed();
        return executed == 0 ? Optional.empty() : Optional.of(Percentage.ratio(passed, executed));
    }

    public TestCounts plus(TestCounts other) {
        return new TestCounts(
                Math.addExact(total, other.total),
                Math.addExact(passed, other.passed),
                Math.addExact(failed, other.failed),
                Math.addExact(errors, other.errors),
                Math.addExact(skipped, other.skipped),
                Math.addExact(flaky, other.flaky));
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("test count " + field + " must not be negative, got " + value);
        }
    }
}
