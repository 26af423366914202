package io.genesis.core.target;

import io.genesis.core.policy.Percentage;

/**
 * Splits user traffic between the stable version and the candidate by weight. Targets that have
 * one (a weighted proxy, a service mesh, an ingress with canary annotations) offer it through
 * {@link DeploymentTarget#trafficRouter()}.
 */
public interface TrafficRouter {

    /** Sends {@code weight} of the traffic to the candidate and the rest to stable. Idempotent. */
    void setWeight(DeploymentContext context, Percentage weight);

    /**
     * Whether the router really sends {@code weight} to the candidate now. A router that applies
     * changes asynchronously answers {@code false} until it has; the engine asks again.
     */
    boolean verifyWeight(DeploymentContext context, Percentage weight);
}
