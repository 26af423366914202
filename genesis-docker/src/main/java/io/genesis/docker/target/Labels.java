package io.genesis.docker.target;

import io.genesis.core.target.DeploymentKey;
import java.util.Map;

/**
 * The labels on every container Genesis starts. They are the target's memory: any genesis process
 * (a rollback after the deploying one died) finds what runs, for which rollout, of which version and
 * image, on which port, from the engine alone.
 */
final class Labels {

    static final String MANAGED_BY = "io.genesis.managed-by";
    static final String APPLICATION = "io.genesis.application";
    static final String ENVIRONMENT = "io.genesis.environment";
    static final String SLOT = "io.genesis.slot";
    static final String VERSION = "io.genesis.version";
    static final String ROLLOUT = "io.genesis.rollout";
    static final String REPLICA = "io.genesis.replica";
    static final String PORT = "io.genesis.port";
    static final String IMAGE = "io.genesis.image";
    static final String IMAGE_DIGEST = "io.genesis.image-digest";
    /** The image that served before this rollout, so that a rollback can start it again when it is gone. */
    static final String PREVIOUS_IMAGE = "io.genesis.previous-image";

    static final String PREVIOUS_VERSION = "io.genesis.previous-version";
    /** {@code rolling} on containers a rolling update started batch by batch. */
    static final String STRATEGY = "io.genesis.strategy";
    /**
     * On a rolling update's containers: the batch they were started for, {@code wanted/surge/unavailable} in
     * containers, so that any process can carry the batch on within the same bounds.
     */
    static final String ROLLING_BATCH = "io.genesis.rolling-batch";

    static final String GENESIS = "genesis";
    static final String ROLLING = "rolling";

    private Labels() {}

    /** The labels that select every container of {@code key}. */
    static Map<String, String> of(DeploymentKey key) {
        return Map.of(MANAGED_BY, GENESIS, APPLICATION, key.application(), ENVIRONMENT, key.environment());
    }
}
