package io.genesis.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A scheduler on simulated time: wake-ups run when the owner advances a {@link ManualClock}, one
 * after another in instant order, on the caller's thread. A 48-hour monitoring window therefore
 * runs in milliseconds and always in the same order.
 */
public final class SimulatedScheduler implements Scheduler {

    private final ManualClock clock;
    private final Map<String, Entry> byKey = new HashMap<>();
    private final TreeSet<Entry> queue = new TreeSet<>();
    private long sequence;

    public SimulatedScheduler(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void schedule(String key, Instant at, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(task, "task");
        cancel(key);
        Entry entry = new Entry(key, at, sequence++, task);
        byKey.put(key, entry);
        queue.add(entry);
    }

    @Override
    public synchronized void cancel(String key) {
        Entry old = byKey.remove(key);
        if (old != null) {
            queue.remove(old);
        }
    }

    /** When the next wake-up is due, if one is pending. */
    public synchronized Optional<Instant> next() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().at());
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Whether a wake-up is pending for {@code key}. */
    public synchronized boolean isScheduled(String key) {
        return byKey.containsKey(key);
    }

    /**
     * Runs every wake-up due at or before {@code until}, moving the clock to each one's instant
     * first, and leaves the clock at {@code until}. Returns how many ran.
     */
    public int runUntil(Instant until) {
        int ran = 0;
        Optional<Entry> entry;
        while ((entry = pollDue(until)).isPresent()) {
            clock.advanceTo(entry.get().at());
            entry.get().task().run();
            ran++;
        }
        clock.advanceTo(until);
        return ran;
    }

    /** {@link #runUntil} the clock's instant plus {@code amount}. */
    public int runFor(Duration amount) {
        return runUntil(clock.instant().plus(amount));
    }

    /**
     * Runs wake-ups in order until none is pending or {@code limit} have run, whatever their
     * instant. Returns how many ran; a run that hits the limit most likely loops.
     */
    public int runAll(int limit) {
        int ran = 0;
        while (ran < limit) {
            Optional<Instant> due = next();
            if (due.isEmpty()) {
                return ran;
            }
            ran += runUntil(due.get());
        }
        return ran;
    }

    private synchronized Optional<Entry> pollDue(Instant until) {
        if (queue.isEmpty() || queue.first().at().isAfter(until)) {
            return Optional.empty();
        }
        Entry entry = queue.pollFirst();
        byKey.remove(entry.key());
        return Optional.of(entry);
    }

    private record Entry(String key, Instant at, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byInstant = at.compareTo(other.at);
            return byInstant != 0 ? byInstant : Long.compare(sequence, other.sequence);
        }
    }
}
