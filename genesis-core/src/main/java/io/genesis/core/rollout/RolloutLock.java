package io.genesis.core.rollout;

import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock of each application and environment: one rollout at a time per key, any number of
 * keys at once. Claims expire unless refreshed, so a dead engine cannot hold a lock forever.
 * Lives with the target where it can (a Kubernetes {@code Lease}), else in the engine's store.
 */
public interface RolloutLock {

    /**
     * Claims {@code key} for {@code holder} until {@code now + ttl}. Succeeds when the lock is
     * free, expired, or already held by {@code holder} (which then refreshes it, possibly for a
     * new owner after a restart); otherwise empty.
     */
    Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl);

    /** Extends {@code holder}'s claim to {@code now + ttl}; empty when it no longer holds the lock. */
    Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl);

    /** Frees {@code key} if {@code holder} holds it; otherwise does nothing. */
    void release(DeploymentKey key, String holder);

    /** The current claim on {@code key}, expired or not. */
    Optional<Lease> current(DeploymentKey key);
}
