package io.genesis.core.target;

import io.genesis.core.policy.Percentage;

/**
 * Replaces instances of the stable version by instances of the candidate in batches. Targets
 * that can (a Kubernetes Deployment) offer it through {@link DeploymentTarget#rollingUpdater()}.
 */
public interface RollingUpdater {

    /**
     * Starts replacing instances until {@code share} of them run the candidate, within
     * {@code bounds}; returns without waiting. Idempotent. The engine then waits for
     * {@link DeploymentTarget#health} to say healthy.
     */
    void rollTo(DeploymentContext context, Percentage share, RollingBounds bounds);

    /**
     * What a batch cannot promise on this target, said in the plan's notes, such as batches that
     * are not gated because the platform rolls every batch by itself. Empty when each batch stops
     * until the engine starts the next.
     */
    default java.util.Optional<String> limits() {
        return java.util.Optional.empty();
    }
}
