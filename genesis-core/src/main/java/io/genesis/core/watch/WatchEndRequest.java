package io.genesis.core.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * A request, stored beside a watch, that it end: a person stopping it, or a newer deploy of the same
 * application and environment superseding it. Kept apart from the watch's own state so that the
 * process that runs the watch, which stores that state after every sample, never writes over it: the
 * owner ends the watch at its next wake-up, whichever process asked.
 *
 * @param id the watch
 * @param verdict {@link WatchVerdict#STOPPED} or {@link WatchVerdict#SUPERSEDED}
 * @param reason the watch's reason once it ends: who stopped it and why, or what superseded it
 * @param requestedAt when it was asked for
 */
public record WatchEndRequest(WatchId id, WatchVerdict verdict, String reason, Instant requestedAt) {

    public WatchEndRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (verdict != WatchVerdict.STOPPED && verdict != WatchVerdict.SUPERSEDED) {
            throw new IllegalArgumentException(
                    "a watch can be asked to end only as STOPPED or SUPERSEDED, not " + verdict);
        }
    }
}
