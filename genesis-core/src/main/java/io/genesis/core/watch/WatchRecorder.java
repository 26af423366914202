package io.genesis.core.watch;

import io.genesis.core.engine.Leases;
import java.time.Clock;
import java.time.Instant;

/** Stores each watch's next revision under this engine's claim, and says what happened. */
final class WatchRecorder {

    private final WatchStore store;
    private final Leases<WatchId> leases;
    private final WatchListener listener;
    private final Clock clock;

    WatchRecorder(WatchStore store, Leases<WatchId> leases, WatchListener listener, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.listener = listener;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    WatchState load(WatchId id) {
        return store.load(id).orElseThrow(() -> new IllegalArgumentException("unknown watch " + id));
    }

    /** Stores {@code state} as the next revision, claimed by this engine, and returns it. */
    WatchState save(WatchState state) {
        WatchState next = state.claimed(state.revision() + 1, leases.owner(), leases.leaseUntil());
        store.save(next);
        leases.stored(next.id(), next.leaseExpiresAt(), null);
        return next;
    }

    void emit(WatchState state, String message) {
        emit(state, message, null, null);
    }

    /** Says what happened; a {@code milestone} (or {@code null}) about {@code incident} is also told as one. */
    void emit(WatchState state, String message, WatchMilestone milestone, Incident incident) {
        WatchEvent event = new WatchEvent(state.id(), state.request().key(), clock.instant(), message);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A listener must never stop a watch; the message is lost, the watch is not.
        }
        if (milestone != null) {
            try {
                listener.onMilestone(milestone, state, incident, event);
            } catch (RuntimeException e) {
                // Likewise: a notification that cannot be queued never stops a watch.
            }
        }
    }

    static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
