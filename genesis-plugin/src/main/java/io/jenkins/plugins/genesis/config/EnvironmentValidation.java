package io.jenkins.plugins.genesis.config;

import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Percentage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks behind the form: each returns the problem a person should fix, or nothing. They need
 * no running Jenkins, so they are tested directly; the descriptors only turn the answer into a
 * form message. Where the engine has a rule, the engine's message is passed on.
 */
final class EnvironmentValidation {

    private EnvironmentValidation() {}

    static Optional<String> checkName(String value) {
        if (isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        return engineProblem(() -> Environment.requireValidName(value.trim()));
    }

    /** A percentage as typed into the form: a plain number from 0 to 100. */
    static Optional<String> checkPercentage(String field, String value) {
        if (isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of(Messages.NOT_A_NUMBER.format(value.trim()));
        }
        return engineProblem(() -> Percentage.of(field, number));
    }

    /** A wait timer as typed into the form: whole minutes, shorter than the approval timeout. */
    static Optional<String> checkWaitTimer(String value) {
        if (isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        long minutes;
        try {
            minutes = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of(Messages.NOT_WHOLE_MINUTES.format(value.trim()));
        }
        return engineProblem(() -> new ApprovalPolicy(
                true, Set.of(), Set.of(), Duration.ofMinutes(minutes), ApprovalPolicy.DEFAULT_TIMEOUT, false));
    }

    /** The first name used by more than one environment. */
    static Optional<String> findDuplicateName(List<EnvironmentConfig> environments) {
        Set<String> seen = new HashSet<>();
        return environments.stream()
                .map(EnvironmentConfig::getName)
                .filter(name -> !seen.add(name))
                .findFirst();
    }

    /**
     * What is wrong with a whole list of environments, as the save of the configuration page
     * reports it: a duplicate name first, then anything the engine rejects.
     */
    static Optional<String> checkAll(List<EnvironmentConfig> environments) {
        Optional<String> duplicate = findDuplicateName(environments);
        if (duplicate.isPresent()) {
            return Optional.of(Messages.DUPLICATE_NAME.format(duplicate.get()));
        }
        return engineProblem(() -> EnvironmentTranslation.toEngine(environments))
                .map(problem -> Messages.INVALID_ENVIRONMENT.format(problem));
    }

    private static Optional<String> engineProblem(Runnable build) {
        try {
            build.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
