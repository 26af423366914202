package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reading work spread over a few threads, started in the order it is given (which
 * {@link LedgerTurns} relies on), or done in the calling thread when there is one thread.
 */
final class ReadingTasks implements AutoCloseable {

    private final ExecutorService pool;
    private final List<Future<?>> started = new ArrayList<>();

    ReadingTasks(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        AtomicInteger number = new AtomicInteger();
        this.pool = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, work -> {
                    Thread thread = new Thread(work, "genesis-gate-reader-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts {@code work}, after all work given before it has been started. */
    <T> Future<T> start(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        started.add(task);
        if (pool == null) {
            task.run();
        } else {
            pool.execute(task);
        }
        return task;
    }

    /** Waits for all work; work that failed unexpectedly fails the whole read. */
    void awaitAll() {
        for (Future<?> task : started) {
            done(task);
        }
    }

    /** The result of finished work. */
    static <T> T done(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading the reports was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading a report failed unexpectedly", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
