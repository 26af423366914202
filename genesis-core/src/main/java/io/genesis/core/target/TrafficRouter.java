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

    /**
     * As {@link #verifyWeight}, saying why not: healthy once {@code weight} is in effect, else
     * progressing with what is awaited in one line people can act on (such as which gateway has not
     * reported the route yet, or which reference does not resolve, with the condition's reason and
     * message). A router that knows no more than yes or no keeps this default, which says nothing more.
     */
    default Health weightApplied(DeploymentContext context, Percentage weight) {
        return verifyWeight(context, weight) ? Health.healthy("") : Health.progressing("");
    }
}
