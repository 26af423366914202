package io.genesis.core.target;

import java.time.Duration;
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

    /**
     * Starts making the candidate the stable version, taking all traffic; the previous one stays
     * until scaled down. Returns once the change is sent, without waiting for it: the engine then
     * polls {@link #promoted}, so no step holds the rollout (and its lease heartbeat) while pods
     * roll.
     */
    void promote(DeploymentContext context);

    /**
     * Whether the promote sent by {@link #promote} is complete (the candidate stable and serving
     * all traffic); the engine polls it until healthy, failed or its progress deadline. A target
     * whose promote completes before returning keeps the default.
     */
    default Health promoted(DeploymentContext context) {
        return Health.healthy("the candidate is now the stable version");
    }

    /** Scales the previous stable version down, ending instant rollback to it. */
    void scaleDownPrevious(DeploymentContext context);

    /**
     * Gets the version to go back to ready to take all traffic again, and says whether it is: the
     * engine polls this before {@link #rollback} and calls that only once it is healthy, reporting
     * a progressing answer as what the rollback awaits (such as a previous slot that was scaled
     * down and is starting again). A target whose previous version is always ready keeps the
     * default.
     */
    default Health prepareRollback(DeploymentContext context) {
        return Health.healthy("the previous version is ready to take traffic");
    }

    /**
     * Makes the version that was stable before this rollout serve all traffic again, whichever
     * step the rollout had reached (before or after promote). Returns once the change is sent: the
     * engine then polls {@link #trafficRestored} to measure the time to restore, and calls {@link
     * #retireCandidate} after the abandoned scale-down delay.
     */
    void rollback(DeploymentContext context);

    /**
     * Whether traffic is back on the previous version as what serves it shows (such as the
     * endpoints a Service's proxies route to), once {@link #rollback} returned; the engine polls it
     * and counts the time to restore up to the first healthy answer. A target whose rollback
     * returns only once traffic is back keeps the default.
     */
    default Health trafficRestored(DeploymentContext context) {
        return Health.healthy("traffic is back once rollback returns");
    }

    /**
     * How long a rolled-back candidate keeps running after traffic left it, before {@link
     * #retireCandidate}: connections still open to it and proxies not yet reprogrammed (kube-proxy,
     * gateways) need time to move over — Argo Rollouts' scaleDownDelaySeconds. Zero where traffic
     * moves at once.
     */
    default Duration abandonedScaleDownDelay() {
        return Duration.ZERO;
    }

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

    /**
     * Where the candidate of {@code context} answers directly, before user traffic reaches it (the
     * preview a pre-traffic hook tests), if this target can say. A target that cannot keeps the
     * default, and a hook that needs the address is refused with that reason.
     */
    default Optional<java.net.URI> previewUrl(DeploymentContext context) {
        return Optional.empty();
    }
}
