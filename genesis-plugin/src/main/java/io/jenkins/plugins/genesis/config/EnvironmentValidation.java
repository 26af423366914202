package io.jenkins.plugins.genesis.config;

import io.genesis.core.freeze.FreezeBinder;
import io.genesis.core.history.RetentionBinder;
import io.genesis.core.monitor.sources.MetricsBinder;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.FindingBounds;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyKey;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.policy.RefPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The checks behind the form: each returns the problem a person should fix, or nothing. They need
 * no running Jenkins, so they are tested directly; the descriptors only turn the answer into a
 * form message. Every rule is the engine's: this class only reads what was typed into a text box.
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
    static Optional<String> checkPercentage(PolicyKey key, String value) {
        if (isBlank(value)) {
            return Optional.of(Messages.VALUE_REQUIRED.format());
        }
        return number(value)
                .map(n -> engineProblem(() -> Percentage.of(key.key(), n)))
                .orElseGet(() -> Optional.of(Messages.NOT_A_NUMBER.format(value.trim())));
    }

    /** Percentage points as typed into the form; empty means not set. */
    static Optional<String> checkPoints(PolicyKey key, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        return number(value)
                .map(n -> engineProblem(() -> Percentage.requirePoints(key.key(), n)))
                .orElseGet(() -> Optional.of(Messages.NOT_A_NUMBER.format(value.trim())));
    }

    /** A wait timer as typed into the form: whole minutes, shorter than the approval timeout. */
    static Optional<String> checkWaitTimer(String value) {
        return checkWhole(
                value,
                Messages.NOT_WHOLE_MINUTES,
                minutes -> new ApprovalPolicy(
                        true, Set.of(), Set.of(), Duration.ofMinutes(minutes), ApprovalPolicy.DEFAULT_TIMEOUT, false));
    }

    /** A post-deploy watch window as typed into the form: whole hours, from 0 (none) to the engine's longest. */
    static Optional<String> checkWatchHours(String value) {
        return checkWhole(
                value, Messages.NOT_WHOLE_HOURS, hours -> Environment.requireWatchWindow(Duration.ofHours(hours)));
    }

    /**
     * The environments a version must have passed first, as typed into the form (separated by commas
     * or spaces): each a valid name, none twice, and not the environment itself ({@code name}).
     */
    static Optional<String> checkRequiresPassed(String name, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(value.trim().split(FormLists.SEPARATORS))
                .filter(entry -> !entry.isEmpty())
                .toList();
        return engineProblem(() -> {
            PromotionPath path = new PromotionPath(names, Duration.ZERO);
            if (checkName(name).isEmpty()) {
                // The engine's own environment refuses a path through itself; only the path matters here.
                Objects.requireNonNull(new Environment(
                        name.trim(),
                        GateThresholds.of(0, 0),
                        ApprovalPolicy.none(),
                        new RefPolicy(List.of(), List.of()),
                        true,
                        false,
                        path));
            }
        });
    }

    /** A health deadline as typed into the form: whole minutes in the engine's range; empty means its default. */
    static Optional<String> checkHealthDeadline(String value) {
        return checkWhole(
                value,
                Messages.NOT_WHOLE_MINUTES,
                minutes -> Environment.requireHealthDeadline(Duration.ofMinutes(minutes)));
    }

    /** A soak time as typed into the form: whole minutes, 0 or more. */
    static Optional<String> checkMinSoak(String value) {
        return checkWhole(
                value,
                Messages.NOT_WHOLE_MINUTES,
                minutes -> new PromotionPath(List.of(), Duration.ofMinutes(minutes)));
    }

    /**
     * A whole number as typed into the form, then judged by the engine's own rule ({@code engine});
     * {@code notWhole} words a value that is no whole number. Empty means the engine's default.
     */
    private static Optional<String> checkWhole(String value, Messages notWhole, LongConsumer engine) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of(notWhole.format(value.trim()));
        }
        return engineProblem(() -> engine.accept(number));
    }

    /** A bound on security findings as typed into the form: a whole number, 0 or more; empty means none. */
    static Optional<String> checkFindingsBound(String bound, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        long findings;
        try {
            findings = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of(Messages.NOT_WHOLE_FINDINGS.format(value.trim()));
        }
        return engineProblem(() -> Objects.requireNonNull(FindingBounds.NONE.with(bound, findings)));
    }

    /**
     * What is wrong with a whole list of environments, as the save of the configuration page
     * reports it: the engine's message.
     */
    static Optional<String> checkAll(List<EnvironmentConfig> environments) {
        return engineProblem(() -> {
                    EnvironmentTranslation.toEngine(environments);
                    if (!environments.isEmpty()) {
                        // Each environment's metric source, read as its kind reads it.
                        PolicyDocument document = EnvironmentBinder.bind(EnvironmentTranslation.document(environments));
                        MetricsBinder.bind(document);
                        // Each environment's freeze windows, read as the engine reads them.
                        document.entries().forEach(FreezeBinder::calendar);
                        RetentionBinder.bind(document);
                    }
                    EnvironmentTranslation.notifications(environments);
                })
                .map(problem -> Messages.INVALID_ENVIRONMENT.format(problem));
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
