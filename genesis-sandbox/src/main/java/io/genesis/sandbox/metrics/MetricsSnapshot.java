package io.genesis.sandbox.metrics;

import io.genesis.sandbox.slot.SlotId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request statistics over one window, ending at {@code takenAt}: for all traffic through the proxy, and per
 * slot.
 *
 * @param takenAt the end of the window, from the metrics clock
 * @param window the window asked for
 * @param overall every request the proxy received, including those it could not route
 * @param slots per slot that has ever taken traffic; a slot without requests in the window has empty stats
 */
public record MetricsSnapshot(Instant takenAt, Duration window, WindowStats overall, Map<SlotId, WindowStats> slots) {

    public MetricsSnapshot {
        if (takenAt == null || window == null || overall == null || slots == null) {
            throw new IllegalArgumentException("takenAt, window, overall and slots are all required");
        }
        slots = Collections.unmodifiableMap(new TreeMap<>(slots));
    }

    /** The statistics of {@code slot}, empty when it took no requests in the window. */
    public WindowStats slot(SlotId slot) {
        return slots.getOrDefault(slot, WindowStats.empty());
    }
}
