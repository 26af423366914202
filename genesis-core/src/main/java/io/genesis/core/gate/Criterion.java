package io.genesis.core.gate;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One thing a gate checked, with the value it measured, the bar, what missing it does, and one line
 * for people, such as {@code pass rate 97.10 % < 98.00 % required for production (1 234 passed, 37
 * failed, 2 errors, 15 skipped)}.
 *
 * @param name a stable identifier: {@code reports}, {@code tests}, {@code passRate},
 *     {@code coverage.<metric>}, {@code coverageDrop.<metric>}, {@code required.<selector>}
 * @param kind which kind of criterion this is
 * @param criticality what it does to the build when it is not met
 * @param status how it came out
 * @param measured the measured value, when there is a number to show (a percentage, or a count)
 * @param threshold the bar the measured value had to reach, when there is one
 * @param message the human line
 */
public record Criterion(
        String name,
        CriterionKind kind,
        Criticality criticality,
        CriterionStatus status,
        OptionalDouble measured,
        OptionalDouble threshold,
        String message) {

    public Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(message, "message");
        if (!kind.configurable() && criticality != Criticality.ERROR) {
            throw new IllegalArgumentException(
                    "a " + kind.key() + " criterion is an input problem and always has criticality error");
        }
    }

    static Criterion of(
            String name, CriterionKind kind, Criticality criticality, CriterionStatus status, String message) {
        return new Criterion(name, kind, criticality, status, OptionalDouble.empty(), OptionalDouble.empty(), message);
    }

    static Criterion of(
            String name,
            CriterionKind kind,
            Criticality criticality,
            CriterionStatus status,
            double measured,
            double threshold,
            String message) {
        return new Criterion(
                name, kind, criticality, status, OptionalDouble.of(measured), OptionalDouble.of(threshold), message);
    }

    public boolean passed() {
        return status == CriterionStatus.PASSED;
    }

    /**
     * What this criterion does to the build: nothing when it is met, its criticality when it is not,
     * and at most {@link Criticality#UNSTABLE} when it was missed within the unstable margin.
     */
    public Optional<Criticality> effect() {
        return switch (status) {
            case PASSED -> Optional.empty();
            case UNSTABLE ->
                Optional.of(criticality.isStricterThan(Criticality.UNSTABLE) ? Criticality.UNSTABLE : criticality);
            case FAILED -> Optional.of(criticality);
        };
    }

    /** The worst effect among {@code criteria}; empty when all are met. */
    static Optional<Criticality> worstEffect(Collection<Criterion> criteria) {
        return criteria.stream()
                .map(Criterion::effect)
                .flatMap(Optional::stream)
                .reduce(Criticality::worst);
    }
}
