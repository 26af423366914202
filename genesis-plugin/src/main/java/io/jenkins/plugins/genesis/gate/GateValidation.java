package io.jenkins.plugins.genesis.gate;

import hudson.util.FormValidation;
import io.genesis.core.gate.ForceRule;
import io.genesis.core.gate.ReportGlob;
import io.genesis.core.gate.TestSelector;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.Percentage;
import java.util.Optional;

/**
 * The checks behind the step's form (and the Snippet Generator): each returns the problem a person
 * should fix, or nothing. Plain methods, tested without Jenkins; where the engine has a rule, its
 * message is passed on. An empty optional field is fine: it means "not set".
 */
final class GateValidation {

    private GateValidation() {}

    static Optional<String> checkEnvironment(String value, Environments configured) {
        if (GateTranslation.isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        return engineProblem(() -> configured.named(value.trim()));
    }

    static Optional<String> checkPercentage(String field, String value) {
        if (GateTranslation.isBlank(value)) {
            return Optional.empty();
        }
        return parse(value)
                .map(number -> engineProblem(() -> Percentage.of(field, number)))
                .orElseGet(() -> Optional.of(Messages.NOT_A_NUMBER.format(value.trim())));
    }

    /** Percentage points, such as an allowed drop or an unstable margin: from 0 to 100. */
    static Optional<String> checkPoints(String field, String value) {
        if (GateTranslation.isBlank(value)) {
            return Optional.empty();
        }
        Optional<Double> number = parse(value);
        if (number.isEmpty()) {
            return Optional.of(Messages.NOT_A_NUMBER.format(value.trim()));
        }
        return engineProblem(() -> Percentage.requirePoints(field, number.get()));
    }

    /** Report patterns, comma-separated, relative to the workspace. */
    static Optional<String> checkPatterns(String value) {
        if (GateTranslation.isBlank(value)) {
            return Optional.empty();
        }
        return engineProblem(() -> ReportGlob.list(value));
    }

    static Optional<String> checkReason(String value, boolean force) {
        return ForceRule.pairing(force, value, GateTranslation.FORCE, GateTranslation.REASON);
    }

    static Optional<String> checkSelectorName(String value) {
        if (GateTranslation.isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        return engineProblem(() -> TestSelector.of(value.trim(), "*"));
    }

    static Optional<String> checkSelectorPattern(String value) {
        if (GateTranslation.isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        return engineProblem(() -> TestSelector.of("pattern", value));
    }

    static FormValidation answer(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    private static Optional<Double> parse(String value) {
        try {
            return Optional.of(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> engineProblem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
