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
}
