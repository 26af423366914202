package io.genesis.core.watch;

import io.genesis.core.monitor.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of trouble during a watch: a warning opens it, a critical sample escalates it, enough
 * healthy samples in a row resolve it, a rollback ends it with the time to restore.
 *
 * @param number its position in the watch, from 1
 * @param severity the worst it reached: {@code WARNING} or {@code CRITICAL}
 * @param openedAt the sample that opened it
 * @param reason the measured values that opened it, or escalated it last
 * @param escalatedAt when it became critical, or {@code null}
 * @param closedAt when it was resolved or ended, or {@code null} while open
 * @param resolution how it ended ({@code recovered: ...}, {@code rolled back ...}, {@code open when the watch ended}), or empty
 * @param timeToRestore from the first critical sample to traffic back on the previous version, when it rolled back
 */
public record Incident(
        int number,
        Classification severity,
        Instant openedAt,
        String reason,
        Instant escalatedAt,
        Instant closedAt,
        String resolution,
        Duration timeToRestore) {

    public Incident {
        if (number < 1) {
            throw new IllegalArgumentException("incident number must be at least 1, got " + number);
        }
        if (severity != Classification.WARNING && severity != Classification.CRITICAL) {
            throw new IllegalArgumentException("an incident is a warning or critical, not " + severity);
        }
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(reason, "reason");
        resolution = resolution == null ? "" : resolution;
    }

    static Incident open(int number, Classification severity, Instant at, String reason) {
        return new Incident(
                number, severity, at, reason, severity == Classification.CRITICAL ? at : null, null, "", null);
    }

    public boolean ongoing() {
        return closedAt == null;
    }

    /** This incident made critical at {@code at}; a critical one stays as it was. */
    Incident escalated(Instant at, String why) {
        if (severity == Classification.CRITICAL) {
            return this;
        }
        return new Incident(number, Classification.CRITICAL, openedAt, why, at, null, "", null);
    }

    Incident closed(Instant at, String how) {
        return new Incident(number, severity, openedAt, reason, escalatedAt, at, how, timeToRestore);
    }

    /** Closed by a rollback whose traffic was restored at {@code restoredAt}. */
    Incident restored(Instant restoredAt) {
        Instant from = escalatedAt == null ? openedAt : escalatedAt;
        return new Incident(
                number,
                severity,
                openedAt,
                reason,
                escalatedAt,
                restoredAt,
                "rolled back; traffic restored",
                Duration.between(from, restoredAt));
    }
}
