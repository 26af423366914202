package io.genesis.core.policy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where a version must have succeeded before it may be deployed to an environment, and for how
 * long it must have run there since.
 *
 * @param requiresPassed the environments that must each hold a {@code SUCCEEDED} deployment of
 *     the same application and version first, in the order people read them
 * @param minSoak how long each of those deployments must have run since it ended, zero for none
 * @param requiresGate whether the commit deployed must have a passing gate recorded against this
 *     environment's bar (the release guide's "gate for the same commit")
 * @param requiresHealthyWatch whether, in each environment of {@code requiresPassed}, the version's
 *     post-deploy watch must have ended {@code HEALTHY}, not only its deployment succeeded
 */
public record PromotionPath(
        List<String> requiresPassed, Duration minSoak, boolean requiresGate, boolean requiresHealthyWatch) {

    /** The environment whose versions must have passed {@link #DEFAULT_FIRST} first, unless configured otherwise. */
    public static final String DEFAULT_GUARDED = "production";

    /** Where a version goes before {@link #DEFAULT_GUARDED}, unless configured otherwise. */
    public static final String DEFAULT_FIRST = "staging";

    /** Nothing to pass first. */
    public static final PromotionPath NONE = new PromotionPath(List.of(), Duration.ZERO);

    /** A path of environments and soak time only. */
    public PromotionPath(List<String> requiresPassed, Duration minSoak) {
        this(requiresPassed, minSoak, false, false);
    }

    public PromotionPath {
        Objects.requireNonNull(requiresPassed, "requiresPassed");
        if (new LinkedHashSet<>(requiresPassed).size() != requiresPassed.size()) {
            throw new IllegalArgumentException(
                    "requiresPassed names an environment twice: " + String.join(", ", requiresPassed));
        }
        requiresPassed.forEach(Environment::requireValidName);
        requiresPassed = List.copyOf(requiresPassed);
        Objects.requireNonNull(minSoak, "minSoak");
        if (minSoak.isNegative()) {
            throw new IllegalArgumentException("minSoak must not be negative, got " + minSoak);
        }
        if (requiresHealthyWatch && requiresPassed.isEmpty()) {
            throw new IllegalArgumentException("requiresHealthyWatch needs environments in requiresPassed whose"
                    + " watch must have ended healthy; name them, or leave requiresHealthyWatch out");
        }
    }

    /** The release guide's path: production after staging, every other environment directly. */
    public static PromotionPath defaultFor(String environment) {
        return DEFAULT_GUARDED.equals(environment) ? new PromotionPath(List.of(DEFAULT_FIRST), Duration.ZERO) : NONE;
    }

    /** Whether a version must have passed anywhere first, or a gate for its commit. */
    public boolean guarded() {
        return !requiresPassed.isEmpty() || requiresGate;
    }
}
