package io.genesis.core.engine;

import io.genesis.core.time.Scheduler;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one pending wake-up of each item the engine runs, on the shared scheduler: waiting holds no
 * thread. Each kind of item has its own prefix, so a rollout and a watch with the same id never
 * replace each other's wake-up.
 *
 * @param <I> the item's id; its {@code toString} names the wake-up
 */
public final class Wakeups<I> {

    private final Scheduler scheduler;
    private final String prefix;
    private final Consumer<I> wake;

    /**
     * @param scheduler the shared scheduler
     * @param prefix the kind of item, for example {@code rollout}
     * @param wake what runs when an item's wake-up is due
     */
    public Wakeups(Scheduler scheduler, String prefix, Consumer<I> wake) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.prefix = Objects.requireNonNull(prefix, "prefix") + ":";
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    /** Wakes {@code id} at {@code at} (at once when it is past), replacing its earlier wake-up. */
    public void at(I id, Instant at) {
        scheduler.schedule(prefix + id, at, () -> wake.accept(id));
    }

    /** Forgets {@code id}'s pending wake-up. */
    public void cancel(I id) {
        scheduler.cancel(prefix + id);
    }
}
