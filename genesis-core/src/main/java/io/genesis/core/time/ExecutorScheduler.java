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
 *
 * <p>Closing is graceful: pending wake-ups are dropped (every rollout is persisted, so the next
 * engine's reconciler picks them up), but a transition already running is allowed to finish, for
 * a grace period, instead of being interrupted halfway through a call to the target.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    /** How long {@link #close} lets a running wake-up finish before interrupting it. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final Clock clock;
    private final Duration grace;
    private final ScheduledExecutorService executor;
    private final Consumer<RuntimeException> onFailure;
    private final Object guard = new Object();
    private final Map<String, Wake> pending = new HashMap<>();
    private boolean closed;

    /**
     * @param clock the clock instants are measured on
     * @param onFailure told about a wake-up that threw, so a failure is never silent
     */
    public ExecutorScheduler(Clock clock, Consumer<RuntimeException> onFailure) {
        this(clock, onFailure, DEFAULT_GRACE);
    }

    /**
     * @param clock the clock instants are measured on
     * @param onFailure told about a wake-up that threw, so a failure is never silent
     * @param grace how long {@link #close} waits for a running wake-up before interrupting it
     */
    public ExecutorScheduler(Clock clock, Consumer<RuntimeException> onFailure, Duration grace) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
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
            if (closed) {
                // Nothing is lost: the rollout is stored, and the next engine's reconciler wakes it.
                return;
            }
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
        synchronized (guard) {
            closed = true;
            pending.values().forEach(wake -> wake.future.cancel(false));
            pending.clear();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
