package io.genesis.core.rollout.store;

import io.genesis.core.rollout.Lease;
import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The rules every lock store applies, whatever it keeps leases in. */
final class LeaseRules {

    private LeaseRules() {}

    /** The lease {@code holder} gets given {@code current}, or empty when someone else holds the lock. */
    static Optional<Lease> acquire(
            Optional<Lease> current, DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        if (current.isPresent()
                && !current.get().expired(now)
                && !current.get().holder().equals(holder)) {
            return Optional.empty();
        }
        Instant since = current.filter(c -> c.holder().equals(holder))
                .map(Lease::acquiredAt)
                .orElse(now);
        return Optional.of(new Lease(key, holder, owner, since, now.plus(ttl)));
    }

    /** The refreshed lease, or empty when {@code holder} no longer holds it. */
    static Optional<Lease> refresh(Optional<Lease> current, String holder, Instant now, Duration ttl) {
        return current.filter(c -> c.holder().equals(holder))
                .map(c -> new Lease(c.key(), c.holder(), c.owner(), c.acquiredAt(), now.plus(ttl)));
    }
}
