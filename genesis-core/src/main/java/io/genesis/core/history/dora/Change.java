package io.genesis.core.history.dora;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one deployment record says for the DORA figures. Every fact comes from the record; what the
 * record does not know (a commit time, a build date, a restore time) stays unknown and is counted as such.
 *
 * @param environment the record's environment
 * @param promotedAt when the candidate took all traffic, or {@code null} when it never did
 * @param reachedUsersAt when the change counts for the change-failure rate (its promotion, else its end),
 *     or {@code null} when it never touched the target (aborted)
 * @param failed whether it counts as a failed change
 * @param leadTime from its commit (else the build of its commit) to its promotion, or {@code null} when unknown
 * @param leadFrom where {@code leadTime} starts, or {@code null} when it is unknown
 * @param restoredAt when traffic was back after its failure, or {@code null}
 * @param timeToRestore from the rollback's trigger to traffic restored, or {@code null}
 */
record Change(
        String environment,
        Instant promotedAt,
        Instant reachedUsersAt,
        boolean failed,
        Duration leadTime,
        LeadStart leadFrom,
        Instant restoredAt,
        Duration timeToRestore) {

    static final String PROMOTE = "promote";
    static final String COMPLETED = "completed";

    static Change of(DeploymentRecord record, FailureWindows windows) {
        Instant promoted = promotion(record).orElse(null);
        boolean touched = record.status() != RecordStatus.ABORTED;
        boolean failed = touched && failed(record, promoted, windows);
        LeadStart from =
                promoted == null ? null : LeadStart.of(record, promoted).orElse(null);
        return new Change(
                record.environment(),
                promoted,
                touched ? (promoted == null ? record.endedAt() : promoted) : null,
                failed,
                from == null ? null : from.leadTime(record, promoted),
                from,
                failed ? record.trafficRestoredAt() : null,
                failed ? record.timeToRestore() : null);
    }

    /**
     * The end of the last completed promote step; a record that succeeded without one (a custom plan)
     * was promoted when it ended.
     */
    static Optional<Instant> promotion(DeploymentRecord record) {
        Instant promoted = null;
        for (PhaseRecord phase : record.phases()) {
            if (PROMOTE.equals(phase.kind()) && COMPLETED.equals(phase.outcome()) && phase.endedAt() != null) {
                promoted = phase.endedAt();
            }
        }
        if (promoted == null && record.status() == RecordStatus.SUCCEEDED) {
            promoted = record.endedAt();
        }
        return Optional.ofNullable(promoted);
    }

    private static boolean failed(DeploymentRecord record, Instant promoted, FailureWindows windows) {
        return switch (record.status()) {
            case SUCCEEDED, ABORTED -> false;
            case FAILED -> true;
            case ROLLED_BACK ->
                promoted == null
                        || record.rollbackTriggeredAt() == null
                        || windows.of(record.environment())
                                .map(window -> !record.rollbackTriggeredAt().isAfter(promoted.plus(window)))
                                .orElse(true);
        };
    }

    boolean promoted() {
        return promotedAt != null;
    }
}
