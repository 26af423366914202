package io.genesis.sandbox.metrics;

import io.genesis.sandbox.slot.SlotId;
import java.time.Duration;

/** Where the proxy reports each finished request; implementations must be thread-safe and fast. */
public interface RequestRecorder {

    /** A request that the proxy sent to {@code slot}, and what became of it after {@code latency}. */
    void recordRouted(SlotId slot, RequestOutcome outcome, Duration latency);

    /** A request the proxy could not send to any slot. */
    void recordUnrouted(RequestOutcome outcome, Duration latency);
}
