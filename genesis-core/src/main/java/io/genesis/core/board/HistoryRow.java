package io.genesis.core.board;

import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a deployment history table.
 *
 * @param rolloutId the rollout
 * @param application the application
 * @param environment the environment
 * @param version the version deployed
 * @param status how it ended ({@code SUCCEEDED}, {@code ROLLED_BACK}, {@code FAILED}, {@code ABORTED})
 * @param strategy the strategy
 * @param approvals every accepted decision, such as {@code approved by alice at 2026-12-07T10:00:00Z};
 *     empty when none was asked
 * @param timeToRestore such as {@code 1.2 s}, empty when nothing was restored
 * @param timeToRestoreMillis the same in milliseconds, {@code -1} when nothing was restored
 * @param reason why it ended that way
 * @param build the build that started it, empty when not known
 * @param startedAt when it was submitted
 * @param endedAt when it ended
 */
public record HistoryRow(
        String rolloutId,
        String application,
        String environment,
        String version,
        String status,
        String strategy,
        List<String> approvals,
        String timeToRestore,
        long timeToRestoreMillis,
        String reason,
        String build,
        Instant startedAt,
        Instant endedAt) {

    public HistoryRow {
        Objects.requireNonNull(rolloutId, "rolloutId");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    /** The line of {@code record}. */
    public static HistoryRow of(DeploymentRecord record) {
        return new HistoryRow(
                record.id(),
                record.application(),
                record.environment(),
                record.version(),
                record.status().name(),
                record.strategy(),
                record.approvals().stream().map(HistoryRow::approval).toList(),
                record.restoreTime().map(Durations::format).orElse(""),
                record.restoreTime().map(Duration::toMillis).orElse(-1L),
                record.reason(),
                record.build(),
                record.startedAt(),
                record.endedAt());
    }

    private static String approval(ApprovalRecord decision) {
        String who = decision.account().equals(decision.by())
                ? decision.by()
                : decision.by() + " (account " + decision.account() + ")";
        return (decision.approved() ? "approved by " : "rejected by ") + who + " at " + decision.at()
                + (decision.comment().isBlank() ? "" : ": " + decision.comment());
    }
}
