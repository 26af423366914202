package io.genesis.core.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How long records are kept, per application, environment and job: a record goes at compaction only
 * when it is older than {@code keepFor} (by when it ended) and not among the {@code keep} newest of its
 * application, environment and job. The record of what runs in an application and environment now is
 * never dropped, however old. An environment sets its own with {@code retention:} ({@link RetentionBinder});
 * {@link RecordRetention} applies them.
 *
 * @param keep how many of the newest records of each application, environment and job are always kept
 * @param keepFor records that ended less than this long ago are always kept
 */
public record Retention(int keep, Duration keepFor) {

    /** The defaults: the newest 500 records of each application, environment and job, and one year. */
    public static final Retention DEFAULT = new Retention(500, Duration.ofDays(365));

    public Retention {
        if (keep < 1) {
            throw new IllegalArgumentException(
                    "history retention keep must be at least 1 (the newest record of each key), got " + keep);
        }
        Objects.requireNonNull(keepFor, "keepFor");
        if (keepFor.isNegative()) {
            throw new IllegalArgumentException("history retention keepFor must not be negative, got " + keepFor
                    + "; use P0D to keep by count only");
        }
    }

    /** Whether this keeps every record {@code other} keeps: as many records per job, for as long. */
    public boolean keepsAtLeast(Retention other) {
        return keep >= other.keep && keepFor.compareTo(other.keepFor) >= 0;
    }

    /** For messages: {@code keep 500, days 365}, in the words of {@code retention:}. */
    @Override
    public String toString() {
        return "keep " + keep + ", days " + keepFor.toDays();
    }
}
