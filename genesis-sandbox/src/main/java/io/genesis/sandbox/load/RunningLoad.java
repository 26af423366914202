package io.genesis.sandbox.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A load run in progress: it ends by itself, or earlier with {@link #stop()}. */
public final class RunningLoad implements AutoCloseable {

    private final ExecutorService workers;
    private final CountDownLatch finished;
    private final AtomicBoolean stopRequested;
    private final Supplier<LoadReport> report;
    private final Supplier<Long> completed;

    RunningLoad(
            ExecutorService workers,
            CountDownLatch finished,
            AtomicBoolean stopRequested,
            Supplier<LoadReport> report,
            Supplier<Long> completed) {
        this.workers = workers;
        this.finished = finished;
        this.stopRequested = stopRequested;
        this.report = report;
        this.completed = completed;
    }

    /** Requests finished so far (answered or failed). */
    public long completed() {
        return completed.get();
    }

    /** Whether every worker has ended. */
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /** Asks the workers to end after their current request. */
    public void stop() {
        stopRequested.set(true);
    }

    /**
     * Waits until the run has ended, at most {@code timeout}.
     *
     * @throws TimeoutException when it has not ended in time; it keeps running, so call {@link #stop()}
     */
    public LoadReport await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("load run still going after " + timeout.toMillis() + " ms");
        }
        workers.shutdown();
        return report.get();
    }

    /** Stops the run and waits for its workers (at most a minute). */
    @Override
    public void close() {
        stop();
        try {
            finished.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
        }
    }
}
