package io.genesis.core.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * What one round of delivery did.
 *
 * @param delivered entries the receivers accepted
 * @param retrying entries that failed and will be tried again
 * @param gaveUp entries given up in this round
 * @param busy whether another process was delivering from the same outbox, so this round sent nothing
 * @param nextDue when the earliest entry still open is due, if any
 */
public record DeliveryReport(int delivered, int retrying, int gaveUp, boolean busy, Optional<Instant> nextDue) {}
