package io.genesis.core.rollout.plan;

import io.genesis.core.target.DeploymentTarget;
import java.time.Duration;
import java.util.Objects;

/**
 * What a target can do, as far as planning cares.
 *
 * @param target the target's description, for messages
 * @param trafficRouter whether it can split traffic by weight
 * @param rollingUpdates whether it can replace instances in batches
 * @param abandonedScaleDownDelay how long a version traffic just left keeps running before it is
 *     scaled down ({@link DeploymentTarget#abandonedScaleDownDelay()}): a canary's plan keeps the
 *     old version that long after promote, as blue-green keeps it for its rollback window
 */
public record Capabilities(
        String target, boolean trafficRouter, boolean rollingUpdates, Duration abandonedScaleDownDelay) {

    public Capabilities {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(abandonedScaleDownDelay, "abandonedScaleDownDelay");
    }

    /** A target where traffic moves at once: nothing is kept after it left. */
    public Capabilities(String target, boolean trafficRouter, boolean rollingUpdates) {
        this(target, trafficRouter, rollingUpdates, Duration.ZERO);
    }

    public static Capabilities of(DeploymentTarget target) {
        return new Capabilities(
                target.describe(),
                target.trafficRouter().isPresent(),
                target.rollingUpdater().isPresent(),
                target.abandonedScaleDownDelay());
    }
}
