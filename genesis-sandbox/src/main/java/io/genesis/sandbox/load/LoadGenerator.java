package io.genesis.sandbox.load;

import io.genesis.sandbox.metrics.LatencyHistogram;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends bounded load to a loopback address: a fixed number of workers, each sending {@code GET} requests
 * one after the other, until the plan's request count or duration is reached. Runs never go on by
 * themselves past the plan's bounds (plus one request timeout).
 */
public final class LoadGenerator {

    /** Distinct header values counted before the rest go under {@value #OTHER}. */
    static final int MAX_DISTINCT_VALUES = 64;

    static final String OTHER = "(other)";
    static final String NONE = "(none)";

    private LoadGenerator() {}

    /** Runs {@code plan} to its end and reports. */
    public static LoadReport run(LoadPlan plan) throws InterruptedException {
        RunningLoad running = start(plan);
        Duration bound = plan.maxDuration()
                .orElse(LoadPlan.MAX_DURATION)
                .plus(plan.requestTimeout())
                .plusSeconds(5);
        try {
            return running.await(bound);
        } catch (TimeoutException e) {
            running.close();
            throw new IllegalStateException("load run overran its own bound of " + bound, e);
        }
    }

    /** Starts {@code plan} in the background. */
    public static RunningLoad start(LoadPlan plan) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(plan.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Run run = new Run(plan, client);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(plan.concurrency(), task -> {
            Thread thread = new Thread(task, "genesis-load-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < plan.concurrency(); i++) {
            workers.execute(run::work);
        }
        return new RunningLoad(workers, run.finished, run.stopRequested, run::report, run.completed::get);
    }

    /** The shared state of one run. */
    private static final class Run {
        private final LoadPlan plan;
        private final HttpClient client;
        private final HttpRequest request;
        private final long startNanos = System.nanoTime();
        private final boolean hasDeadline;
        private final long deadlineNanos;
        private final AtomicLong tickets = new AtomicLong();
        private final AtomicLong completed = new AtomicLong();
        private final AtomicBoolean stopRequested = new AtomicBoolean();
        private final CountDownLatch finished;
        private final Map<Integer, Long> statusCounts = new HashMap<>();
        private final Map<String, Long> byHeader = new HashMap<>();
        private final LatencyHistogram latencies = new LatencyHistogram();
        private long sent;
        private long failures;
        private long endNanos;

        Run(LoadPlan plan, HttpClient client) {
            this.plan = plan;
            this.client = client;
            this.request = HttpRequest.newBuilder(plan.target())
                    .timeout(plan.requestTimeout())
                    .GET()
                    .build();
            this.hasDeadline = plan.maxDuration().isPresent();
            this.deadlineNanos =
                    startNanos + plan.maxDuration().orElse(Duration.ZERO).toNanos();
            this.finished = new CountDownLatch(plan.concurrency());
        }

        void work() {
            try {
                while (mayContinue() && takeTicket()) {
                    sendOne();
                    pause();
                }
            } finally {
                synchronized (this) {
                    endNanos = Math.max(endNanos, System.nanoTime());
                }
                finished.countDown();
            }
        }

        private boolean mayContinue() {
            return !stopRequested.get() && !Thread.currentThread().isInterrupted() && remainingNanos() > 0;
        }

        /** Time left before the deadline; without one, always a long time. */
        private long remainingNanos() {
            return hasDeadline ? deadlineNanos - System.nanoTime() : Long.MAX_VALUE;
        }

        private boolean takeTicket() {
            long max = plan.maxRequests().orElse(Long.MAX_VALUE);
            return tickets.getAndIncrement() < max;
        }

        private void sendOne() {
            long begin = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                long micros = (System.nanoTime() - begin) / 1_000;
                String value =
                        response.headers().firstValue(plan.countedHeader()).orElse(NONE);
                recordAnswer(response.statusCode(), value, micros);
            } catch (IOException e) {
                recordFailure();
            } catch (InterruptedException e) {
                recordFailure();
                Thread.currentThread().interrupt();
            } finally {
                completed.incrementAndGet();
            }
        }

        private synchronized void recordAnswer(int status, String headerValue, long micros) {
            sent++;
            statusCounts.merge(status, 1L, Long::sum);
            String key =
                    byHeader.containsKey(headerValue) || byHeader.size() < MAX_DISTINCT_VALUES ? headerValue : OTHER;
            byHeader.merge(key, 1L, Long::sum);
            latencies.recordMicros(micros);
        }

        private synchronized void recordFailure() {
            sent++;
            failures++;
        }

        private void pause() {
            long pause = plan.thinkTime().toNanos();
            if (pause > 0) {
                LockSupport.parkNanos(Math.min(pause, Math.max(0, remainingNanos())));
            }
        }

        synchronized LoadReport report() {
            long end = endNanos == 0 ? System.nanoTime() : endNanos;
            return new LoadReport(
                    sent, statusCounts, failures, byHeader, latencies.snapshot(), Duration.ofNanos(end - startNanos));
        }
    }
}
