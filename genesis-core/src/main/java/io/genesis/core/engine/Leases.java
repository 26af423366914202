package io.genesis.core.engine;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The claims of one engine instance on the stored items it runs: each item's stored lease (its
 * owner and until when) and, for items that hold a key's lock, that lock's lease. A heartbeat on
 * the shared scheduler renews what is due every third of a lease, so a live engine keeps its
 * items and a dead one loses them to whoever reconciles next.
 *
 * @param <I> the item's id
 */
public final class Leases<I> {

    /** What the heartbeat renews, item by item, holding the item's lock. */
    public interface Renewer<I> {

        /** Extends the lock on {@code key} held by {@code id}; when it now runs out, or {@code null} if lost. */
        Instant renewLock(I id, DeploymentKey key, Instant now);

        /** Stores {@code id} again under this owner; false when it is no longer this engine's to run. */
        boolean renewState(I id);

        /** {@code id} no longer holds {@code key}'s lock: this engine has stopped driving it. */
        default void lockLost(I id, DeploymentKey key) {}

        /**
         * Renewing {@code id}'s lock on {@code key} failed ({@code failure}: the lock's store did not answer);
         * the claim stands until it runs out, and the next heartbeat tries again.
         */
        default void renewFailed(I id, DeploymentKey key, RuntimeException failure) {}
    }

    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Serial<I> serial;
    private final String heartbeatKey;
    private final Runnable beat;
    private final Predicate<String> ended;

    private final Set<I> active = ConcurrentHashMap.newKeySet();
    /** Items whose lock another claim took: this engine must not drive them again. */
    private final Set<I> fenced = ConcurrentHashMap.newKeySet();
    /** What this engine last renewed for each item it runs, so heartbeats renew only what is due. */
    private final Map<I, Claim> claims = new ConcurrentHashMap<>();

    /**
     * @param owner this engine instance
     * @param ttl how long a claim lasts without renewal
     * @param heartbeatKey the scheduler key of the heartbeat (one per kind of item and owner)
     * @param beat what the scheduler runs at each heartbeat; it calls {@link #heartbeat}
     */
    public Leases(
            String owner,
            Duration ttl,
            Clock clock,
            Scheduler scheduler,
            Serial<I> serial,
            String heartbeatKey,
            Runnable beat) {
        this(owner, ttl, clock, scheduler, serial, heartbeatKey, beat, other -> false);
    }

    /**
     * @param ended whether another owner has certainly ended (its process is gone), so that its claims
     *     are free at once instead of when their lease runs out; unknown must answer false
     */
    public Leases(
            String owner,
            Duration ttl,
            Clock clock,
            Scheduler scheduler,
            Serial<I> serial,
            String heartbeatKey,
            Runnable beat,
            Predicate<String> ended) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.heartbeatKey = Objects.requireNonNull(heartbeatKey, "heartbeatKey");
        this.beat = Objects.requireNonNull(beat, "beat");
        this.ended = Objects.requireNonNull(ended, "ended");
    }

    public String owner() {
        return owner;
    }

    /** When a claim taken now runs out. */
    public Instant leaseUntil() {
        return clock.instant().plus(ttl);
    }

    /** Whether an item stored with this owner and lease belongs to another engine that is still alive. */
    public boolean heldByOther(String storedOwner, Instant leaseExpiresAt) {
        return !storedOwner.equals(owner) && clock.instant().isBefore(leaseExpiresAt) && !ownerEnded(storedOwner);
    }

    /** Whether {@code storedOwner} is another engine whose process has certainly ended, whatever its lease says. */
    public boolean ownerEnded(String storedOwner) {
        return !storedOwner.equals(owner) && ended.test(storedOwner);
    }

    /** Whether {@code id} lost its lock to another claim, so that this engine must leave it alone. */
    public boolean fenced(I id) {
        return fenced.contains(id);
    }

    /** Counts {@code id} among the items this engine runs, so the heartbeat renews it. */
    public void activate(I id) {
        active.add(id);
    }

    /** Stops renewing {@code id}; what was last renewed is kept in case it comes back. */
    public void deactivate(I id) {
        active.remove(id);
    }

    /** Stops renewing {@code id} and forgets its claim. */
    public void forget(I id) {
        active.remove(id);
        claims.remove(id);
    }

    /** {@code id} was just stored with a lease until {@code stateUntil}, holding {@code held}'s lock or none. */
    public void stored(I id, Instant stateUntil, DeploymentKey held) {
        claims.merge(
                id,
                new Claim(stateUntil, held, null),
                (old, renewed) -> new Claim(renewed.stateUntil(), held, held == null ? null : old.lockUntil()));
    }

    /** {@code id} just took {@code key}'s lock until {@code lockUntil}. */
    public void locked(I id, Instant stateUntil, DeploymentKey key, Instant lockUntil) {
        claims.put(id, new Claim(stateUntil, key, lockUntil));
    }

    /** Renews every claim of an active item that is due, then schedules the next heartbeat. */
    public void heartbeat(Renewer<I> renewer) {
        Instant now = clock.instant();
        // Claims renewed less than a third of a lease ago are left alone: transitions renew them too.
        Instant renewBefore = now.plus(ttl.multipliedBy(2).dividedBy(3));
        try {
            for (I id : List.copyOf(active)) {
                Claim claim = claims.get(id);
                boolean stateDue = claim == null || !claim.stateUntil().isAfter(renewBefore);
                boolean lockDue = claim != null
                        && claim.key() != null
                        && (claim.lockUntil() == null || !claim.lockUntil().isAfter(renewBefore));
                if (stateDue || lockDue) {
                    serial.run(id, () -> renew(id, claim, stateDue, lockDue, renewer, now));
                }
            }
        } finally {
            // Whatever failed above, the heartbeat must come again: without it every claim would lapse.
            ensureHeartbeat();
        }
    }

    private void renew(I id, Claim claim, boolean stateDue, boolean lockDue, Renewer<I> renewer, Instant now) {
        // Read again under the item's lock: it may have released its lock (ended) since the heartbeat looked.
        Claim current = claims.get(id);
        if (lockDue && current != null && claim.key().equals(current.key())) {
            Instant until;
            try {
                until = renewer.renewLock(id, claim.key(), now);
            } catch (RuntimeException e) {
                // Not answered is not lost: the claim stands until it runs out; the next heartbeat tries again.
                renewer.renewFailed(id, claim.key(), e);
                renewState(id, stateDue, renewer);
                return;
            }
            if (until == null) {
                // Another claim holds the key now: whatever this engine wrote next could overwrite its work.
                fenced.add(id);
                forget(id);
                renewer.lockLost(id, claim.key());
                return;
            }
            claims.computeIfPresent(id, (i, c) -> c.withLock(until));
        }
        renewState(id, stateDue, renewer);
    }

    private void renewState(I id, boolean stateDue, Renewer<I> renewer) {
        if (stateDue && !renewer.renewState(id)) {
            active.remove(id);
        }
    }

    /** Schedules the next heartbeat while any item is active; cancels it when none is. */
    public void ensureHeartbeat() {
        if (active.isEmpty()) {
            scheduler.cancel(heartbeatKey);
            return;
        }
        scheduler.schedule(heartbeatKey, clock.instant().plus(ttl.dividedBy(3)), beat);
    }

    /**
     * What this engine renewed last for one item.
     *
     * @param stateUntil when the stored lease runs out
     * @param key the key whose lock the item holds, or {@code null}
     * @param lockUntil when the lock's lease runs out, or {@code null} if unknown
     */
    private record Claim(Instant stateUntil, DeploymentKey key, Instant lockUntil) {
        Claim withLock(Instant until) {
            return new Claim(stateUntil, key, until);
        }
    }
}
