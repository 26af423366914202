package io.genesis.core.target;

import java.util.Optional;

/**
 * Where a version is deployed: the narrow port the engine drives a rollout through. Every
 * operation is idempotent, because after a crash the engine repeats the one it was doing, and
 * throws (any runtime exception, ideally {@link TargetException}) when it fails. A target that
 * cannot do something says so through an empty capability, it does not pretend.
 */
public interface DeploymentTarget {

    /** A short description for logs and messages, such as {@code kubernetes prod/shop}. */
    String describe();

    /** Starts the candidate beside the stable version, taking no user traffic yet; returns without waiting. */
    void deployCandidate(DeploymentContext context);

    /** The candidate's observed health; the engine polls it until healthy or a deadline passes. */
    Health health(DeploymentContext context);

    /** Checks that the candidate answers as expected before user traffic reaches it. */
    Health smokeCheck(DeploymentContext context);

    /** Makes the candidate the stable version, taking all traffic; the previous one stays until scaled down. */
    void promote(DeploymentContext context);

    /** Scales the previous stable version down, ending instant rollback to it. */
    void scaleDownPrevious(DeploymentContext context);

    /**
     * Makes the version that was stable before this rollout serve all traffic again, whichever
     * step the rollout had reached (before or after promote). Returns as soon as traffic is back:
     * the engine measures time to restore up to here, and then calls {@link #retireCandidate}.
     */
    void rollback(DeploymentContext context);

    /**
     * Stops or scales down what the rolled-back candidate left running, once {@link #rollback}
     * restored traffic. Kept apart so that slow clean-up (stopping processes, scaling pods down)
     * is not counted as time to restore; a target whose rollback leaves nothing behind keeps the
     * default, which does nothing.
     */
    default void retireCandidate(DeploymentContext context) {}

    /** The router that splits traffic by weight, if this target has one. */
    default Optional<TrafficRouter> trafficRouter() {
        return Optional.empty();
    }

    /** The updater that replaces instances in batches, if this target can. */
    default Optional<RollingUpdater> rollingUpdater() {
        return Optional.empty();
    }
}
