package io.genesis.core.rollout.plan;

import io.genesis.core.target.DeploymentTarget;
import java.util.Objects;

/**
 * What a target can do, as far as planning cares.
 *
 * @param target the target's description, for messages
 * @param trafficRouter whether it can split traffic by weight
 * @param rollingUpdates whether it can replace instances in batches
 */
public record Capabilities(String target, boolean trafficRouter, boolean rollingUpdates) {

    public Capabilities {
        Objects.requireNonNull(target, "target");
    }

    public static Capabilities of(DeploymentTarget target) {
        return new Capabilities(
                target.describe(),
                target.trafficRouter().isPresent(),
                target.rollingUpdater().isPresent());
    }
}
