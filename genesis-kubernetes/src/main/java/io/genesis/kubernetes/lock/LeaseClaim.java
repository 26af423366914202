package io.genesis.kubernetes.lock;

import java.time.Instant;
import java.util.Objects;

/**
 * A claim on the rollout lock of one application and environment, as stored in its Lease.
 *
 * @param lease the Lease's name
 * @param holder the rollout holding the lock (the Lease's {@code holderIdentity})
 * @param owner the engine instance running that rollout
 * @param acquiredAt when the holder took the lock
 * @param expiresAt when the claim lapses without a renewal ({@code renewTime + leaseDurationSeconds})
 */
public record LeaseClaim(String lease, String holder, String owner, Instant acquiredAt, Instant expiresAt) {

    public LeaseClaim {
        Objects.requireNonNull(lease, "lease");
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
