package io.genesis.core.gate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One thing a gate checked, with the value it measured, the bar, and one line for people, such as
 * {@code pass rate 97.10 % < 98.00 % required for production (1 234 passed, 37 failed, 2 errors, 15 skipped)}.
 *
 * @param name a stable identifier: {@code reports}, {@code tests}, {@code passRate},
 *     {@code coverage.<metric>}, {@code coverageDrop.<metric>}, {@code required.<selector>}
 * @param status how it came out
 * @param measured the measured value, when there is a number to show (a percentage, or a count)
 * @param threshold the bar the measured value had to reach, when there is one
 * @param message the human line
 */
public record Criterion(
        String name, CriterionStatus status, OptionalDouble measured, OptionalDouble threshold, String message) {

    public Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(message, "message");
    }

    static Criterion of(String name, CriterionStatus status, String message) {
        return new Criterion(name, status, OptionalDouble.empty(), OptionalDouble.empty(), message);
    }

    static Criterion of(String name, CriterionStatus status, double measured, double threshold, String message) {
        return new Criterion(name, status, OptionalDouble.of(measured), OptionalDouble.of(threshold), message);
    }

    public boolean passed() {
        return status == CriterionStatus.PASSED;
    }
}
