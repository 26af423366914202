package io.genesis.sandbox.metrics;

import io.genesis.sandbox.slot.SlotId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request metrics taken from real proxied traffic, per slot and overall, over sliding windows. Which bucket
 * a request falls in comes from the injected {@link Clock}, so tests move time instead of waiting;
 * latencies themselves are measured by the proxy. Thread-safe; memory is bounded by the {@link
 * WindowLayout} and the number of slots.
 */
public final class RequestMetrics implements RequestRecorder {

    private final Clock clock;
    private final WindowLayout layout;
    private final SlidingWindow overall;
    private final ConcurrentMap<SlotId, SlidingWindow> slots = new ConcurrentHashMap<>();

    public RequestMetrics(Clock clock, WindowLayout layout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.overall = new SlidingWindow(layout);
    }

    /** The layout windows are kept in. */
    public WindowLayout layout() {
        return layout;
    }

    @Override
    public void recordRouted(SlotId slot, RequestOutcome outcome, Duration latency) {
        Objects.requireNonNull(slot, "slot");
        long bucket = currentBucket();
        long micros = LatencyHistogram.toMicros(latency);
        slots.computeIfAbsent(slot, ignored -> new SlidingWindow(layout)).record(bucket, outcome, micros);
        overall.record(bucket, outcome, micros);
    }

    @Override
    public void recordUnrouted(RequestOutcome outcome, Duration latency) {
        overall.record(currentBucket(), outcome, LatencyHistogram.toMicros(latency));
    }

    /**
     * Statistics over the last {@code window}, which must be positive and at most the layout's retention.
     * The window is widened to whole buckets: it may include requests from up to one bucket width earlier.
     */
    public MetricsSnapshot snapshot(Duration window) {
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(layout.retention()) > 0) {
            throw new IllegalArgumentException("window must be positive and at most " + layout.retention()
                    + " (the metrics retention; change the WindowLayout for longer), got " + window);
        }
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        long last = Math.floorDiv(nowMillis, layout.widthMillis());
        long first = Math.floorDiv(nowMillis - window.toMillis(), layout.widthMillis());
        return snapshot(first, last, now, window);
    }

    /**
     * Statistics between {@code from} and {@code to}, the way the rollout engine asks for a sample. The span
     * is widened to whole buckets, like {@link #snapshot(Duration)}, so two adjacent spans may both count
     * the bucket they meet in. A start further back than the retention is moved up to it, because older
     * requests are no longer kept, and an end after now reads up to now: the snapshot's {@code window} and
     * {@code takenAt} give the span actually read.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public MetricsSnapshot snapshot(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "a metrics window must not end (" + to + ") before it starts (" + from + ")");
        }
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        Instant oldest = now.minus(layout.retention());
        Instant start = from.isBefore(oldest) ? oldest : from;
        if (start.isAfter(end)) {
            start = end;
        }
        long first = Math.floorDiv(start.toEpochMilli(), layout.widthMillis());
        long last = Math.floorDiv(end.toEpochMilli(), layout.widthMillis());
        return snapshot(first, last, end, Duration.between(start, end));
    }

    private MetricsSnapshot snapshot(long first, long last, Instant takenAt, Duration window) {
        Map<SlotId, WindowStats> perSlot = new TreeMap<>();
        slots.forEach((slot, series) -> perSlot.put(slot, series.stats(first, last)));
        return new MetricsSnapshot(takenAt, window, overall.stats(first, last), perSlot);
    }

    /** Drops the history of {@code slot}, for slots that are gone for good. */
    public void forget(SlotId slot) {
        slots.remove(slot);
    }

    private long currentBucket() {
        return Math.floorDiv(clock.millis(), layout.widthMillis());
    }
}
