package io.genesis.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The span of time a sample covers, start exclusive, end inclusive.
 *
 * @param from when the span starts
 * @param to when it ends, not before {@code from}
 */
public record MetricWindow(Instant from, Instant to) {

    public MetricWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "a metric window must not end (" + to + ") before it starts (" + from + ")");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
