package io.genesis.core.rollout;

import io.genesis.core.target.DeploymentKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for releasing a lock by hand. A lock is stuck when its holder can no longer release it:
 * the lease ran out, or the rollout that holds it is not stored or no longer in a stage that holds a
 * lock (it ended, or never got past the queue). A lock whose rollout still runs is never released
 * here: that rollout is aborted instead, so it puts traffic back and writes its record.
 */
public final class StuckLocks {

    private final RolloutLock locks;
    private final RolloutStateStore states;

    public StuckLocks(RolloutLock locks, RolloutStateStore states) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.states = Objects.requireNonNull(states, "states");
    }

    /**
     * What releasing a lock did.
     *
     * @param released whether a lease was released
     * @param message for people: what was released, or why not and what to do instead
     */
    public record Outcome(boolean released, String message) {
        public Outcome {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Releases the lock of {@code key} if it is stuck at {@code now}; otherwise says why not. */
    public Outcome release(DeploymentKey key, Instant now) {
        Optional<Lease> current = locks.current(key);
        if (current.isEmpty()) {
            return new Outcome(false, "nothing holds the lock of " + describe(key) + "; there is nothing to release");
        }
        Lease lease = current.get();
        Optional<RolloutState> holder = holderState(lease.holder());
        if (!lease.expired(now) && holder.isPresent() && holder.get().stage().holdsLock()) {
            return new Outcome(
                    false,
                    "rollout " + lease.holder() + " holds the lock of " + describe(key) + " and is "
                            + holder.get().stage() + " (engine " + lease.owner() + ", lease until "
                            + lease.expiresAt() + "); abort that rollout instead of releasing its lock");
        }
        locks.release(key, lease.holder());
        String why = lease.expired(now)
                ? "whose lease ran out at " + lease.expiresAt()
                : holder.map(state -> "which is " + state.stage() + " and holds no lock")
                        .orElse("which is not stored");
        return new Outcome(
                true, "released the lock of " + describe(key) + " held by rollout " + lease.holder() + ", " + why);
    }

    private Optional<RolloutState> holderState(String holder) {
        try {
            return states.load(RolloutId.of(holder));
        } catch (IllegalArgumentException e) {
            // A holder that is no rollout id names no stored rollout: the lock is stuck.
            return Optional.empty();
        }
    }

    private static String describe(DeploymentKey key) {
        return key.application() + " in " + key.environment();
    }
}
