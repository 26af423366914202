package io.genesis.core.history.dora;

import io.genesis.core.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a lead time starts: DORA's start, the commit, when the record knows its time; else the build of the
 * commit, the earliest time older records know, which leaves commit → build out. The figures count the
 * promotions measured from the build, so a reader sees how much of the lead time is the shorter one.
 */
enum LeadStart {
    /** The commit's time (its committer date). */
    COMMIT(DeploymentRecord::committedAt),
    /** The build date of the version: the record has no commit time. */
    BUILD(DeploymentRecord::builtAt);

    private final Function<DeploymentRecord, Optional<Instant>> time;

    LeadStart(Function<DeploymentRecord, Optional<Instant>> time) {
        this.time = time;
    }

    /**
     * The first start, in this order, that {@code record} knows and that is not after {@code promoted}: a
     * start after the promotion means clocks that disagree, and is not used.
     */
    static Optional<LeadStart> of(DeploymentRecord record, Instant promoted) {
        for (LeadStart start : values()) {
            if (start.time.apply(record).filter(at -> !at.isAfter(promoted)).isPresent()) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** From this start to {@code promoted}; only for a record {@link #of} chose this start for. */
    Duration leadTime(DeploymentRecord record, Instant promoted) {
        return Duration.between(time.apply(record).orElseThrow(), promoted);
    }
}
