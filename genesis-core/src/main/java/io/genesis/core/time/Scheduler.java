package io.genesis.core.time;

import java.time.Instant;

/**
 * Wakes work up at an instant, so that the engine never holds a thread while it waits for a
 * pause, an approval or a monitoring window. Wake-ups are not persisted: after a restart the
 * reconciler asks again from the persisted rollout state.
 */
public interface Scheduler {

    /**
     * Runs {@code task} at or soon after {@code at}. A later call with the same {@code key} replaces
     * the earlier one, so a rollout has at most one pending wake-up. An instant in the past means
     * "as soon as possible".
     */
    void schedule(String key, Instant at, Runnable task);

    /** Forgets the pending wake-up for {@code key}, if any. */
    void cancel(String key);
}
