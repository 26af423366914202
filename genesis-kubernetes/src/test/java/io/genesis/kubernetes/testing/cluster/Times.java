package io.genesis.kubernetes.testing.cluster;

import java.time.Instant;
import java.util.Optional;

/** Timestamps as the API server writes them (RFC 3339, seconds), on the simulated clock. */
final class Times {

    private Times() {}

    static String format(Instant instant) {
        return instant.toString();
    }

    static Optional<Instant> parse(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(value));
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
