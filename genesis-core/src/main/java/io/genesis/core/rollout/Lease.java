package io.genesis.core.rollout;

import io.genesis.core.target.DeploymentKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A claim on the lock of one application and environment.
 *
 * @param key the application and environment locked
 * @param holder the rollout holding the lock
 * @param owner the engine instance running that rollout
 * @param acquiredAt when the holder took the lock
 * @param expiresAt when the claim lapses without a refresh
 */
public record Lease(DeploymentKey key, String holder, String owner, Instant acquiredAt, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the claim has lapsed at {@code now}. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
