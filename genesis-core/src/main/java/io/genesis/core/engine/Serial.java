package io.genesis.core.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per item the engine runs (a rollout, a watch): work on one item is serial, work on
 * different items runs side by side. Reentrant, so a transition may call back into its own item.
 *
 * @param <I> the item's id
 */
public final class Serial<I> {

    private final Map<I, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code work} holding {@code id}'s lock and returns its result. */
    public <T> T call(I id, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, i -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} holding {@code id}'s lock. */
    public void run(I id, Runnable work) {
        call(id, () -> {
            work.run();
            return null;
        });
    }
}
