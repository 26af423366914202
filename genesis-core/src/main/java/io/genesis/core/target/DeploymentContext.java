package io.genesis.core.target;

import java.util.Objects;

/**
 * What a target is asked to act on: which rollout, for which application and environment, with
 * which version. Everything a target does with it must be idempotent: the engine repeats the
 * last call after a crash.
 *
 * @param rolloutId the rollout, so that a target can label what it creates
 * @param key the application and environment
 * @param version the candidate's version
 * @param commit the candidate's commit
 */
public record DeploymentContext(String rolloutId, DeploymentKey key, Version version, String commit) {

    public DeploymentContext {
        if (rolloutId == null || rolloutId.isBlank()) {
            throw new IllegalArgumentException("rolloutId must not be blank");
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        commit = Version.requireCommit(commit);
    }
}
