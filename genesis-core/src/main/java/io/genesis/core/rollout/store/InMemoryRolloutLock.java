package io.genesis.core.rollout.store;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Locks in memory, for simulations and for hosts where one engine process is the only one. */
public final class InMemoryRolloutLock implements RolloutLock {

    private final Map<DeploymentKey, Lease> leases = new HashMap<>();

    @Override
    public synchronized Optional<Lease> acquire(
            DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        Optional<Lease> granted = LeaseRules.acquire(current(key), key, holder, owner, now, ttl);
        granted.ifPresent(lease -> leases.put(key, lease));
        return granted;
    }

    @Override
    public synchronized Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
        Optional<Lease> refreshed = LeaseRules.refresh(current(key), holder, now, ttl);
        refreshed.ifPresent(lease -> leases.put(key, lease));
        return refreshed;
    }

    @Override
    public synchronized void release(DeploymentKey key, String holder) {
        leases.computeIfPresent(key, (k, lease) -> lease.holder().equals(holder) ? null : lease);
    }

    @Override
    public synchronized Optional<Lease> current(DeploymentKey key) {
        return Optional.ofNullable(leases.get(key));
    }
}
