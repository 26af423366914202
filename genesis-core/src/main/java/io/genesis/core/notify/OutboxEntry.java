package io.genesis.core.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification for one channel, as the outbox stores it. It names the channel, never its
 * address or key: those are looked up when it is sent.
 *
 * @param id the notification's id and the channel's name: one entry per event and channel, ever
 * @param channel the channel's name in the environment's notification targets
 * @param notification what is told
 * @param status where it is
 * @param attempts how many sends were started
 * @param createdAt when it was queued
 * @param nextAttemptAt when it is due (while pending)
 * @param endedAt when it was delivered or given up
 * @param lastError why the last attempt failed, or why it was given up; never a secret
 */
public record OutboxEntry(
        String id,
        String channel,
        Notification notification,
        Status status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant endedAt,
        String lastError) {

    /** Where an entry is in its life. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /**
         * A send was started and its result not yet stored. Found so after a restart, it may or may
         * not have arrived: it is sent again with the same idempotency key.
         */
        SENDING,
        /** The receiver accepted it; it is never sent again. */
        DELIVERED,
        /** Not sent: the receiver refused it for good, or every attempt failed; {@code lastError} says why. */
        GAVE_UP
    }

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        lastError = lastError == null ? "" : lastError;
    }

    static OutboxEntry queued(Notification notification, String channel, Instant now) {
        return new OutboxEntry(
                notification.id() + "." + channel, channel, notification, Status.PENDING, 0, now, now, null, "");
    }

    /** Whether it still has to be sent at {@code now}: pending and due, or left sending by a crash. */
    boolean due(Instant now) {
        return status == Status.SENDING || (status == Status.PENDING && !nextAttemptAt.isAfter(now));
    }

    boolean open() {
        return status == Status.PENDING || status == Status.SENDING;
    }

    OutboxEntry sending() {
        return new OutboxEntry(
                id, channel, notification, Status.SENDING, attempts + 1, createdAt, nextAttemptAt, null, lastError);
    }

    OutboxEntry delivered(Instant at) {
        return new OutboxEntry(id, channel, notification, Status.DELIVERED, attempts, createdAt, null, at, "");
    }

    OutboxEntry retryAt(Instant at, String why) {
        return new OutboxEntry(id, channel, notification, Status.PENDING, attempts, createdAt, at, null, why);
    }

    OutboxEntry gaveUp(Instant at, String why) {
        return new OutboxEntry(id, channel, notification, Status.GAVE_UP, attempts, createdAt, null, at, why);
    }
}
