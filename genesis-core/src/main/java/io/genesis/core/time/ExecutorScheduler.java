package io.genesis.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scheduler on real time for hosts without their own timer (the command line): one daemon
 * thread that only wakes work up; the work itself must not block for long.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Consumer<RuntimeException> onFailure;
    private final Object guard = new Object();
    private final Map<String, Wake> pending = new HashMap<>();

    /**
     * @param clock the clock instants are measured on
     * @param onFailure told about a wake-up that threw, so a failure is never silent
     */
    public ExecutorScheduler(Clock clock, Consumer<RuntimeException> onFailure) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "genesis-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void schedule(String key, Instant at, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        synchronized (guard) {
            cancel(key);
            Wake wake = new Wake(key, task);
            pending.put(key, wake);
            wake.future = executor.schedule(wake, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void cancel(String key) {
        synchronized (guard) {
            Wake old = pending.remove(key);
            if (old != null && old.future != null) {
                old.future.cancel(false);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One pending wake-up; it forgets itself when it runs, unless it was replaced meanwhile. */
    private final class Wake implements Runnable {
        private final String key;
        private final Runnable task;
        private ScheduledFuture<?> future;

        Wake(String key, Runnable task) {
            this.key = key;
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (guard) {
                pending.remove(key, this);
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }
}
