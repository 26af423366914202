package io.jenkins.plugins.genesis.board;

import io.genesis.core.board.HistoryRow;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One line of the job's deployment history. */
@ExportedBean(defaultVisibility = 3)
public final class HistoryEntry {

    private final HistoryRow row;

    HistoryEntry(HistoryRow row) {
        this.row = row;
    }

    @Exported
    public String getRolloutId() {
        return row.rolloutId();
    }

    @Exported
    public String getApplication() {
        return row.application();
    }

    @Exported
    public String getEnvironment() {
        return row.environment();
    }

    @Exported
    public String getVersion() {
        return row.version();
    }

    /** {@code SUCCEEDED}, {@code ROLLED_BACK}, {@code FAILED} or {@code ABORTED}. */
    @Exported
    public String getStatus() {
        return row.status();
    }

    @Exported
    public String getStrategy() {
        return row.strategy();
    }

    /** Each accepted decision, such as {@code approved by alice at 2026-12-07T10:00:00Z: looks good}. */
    @Exported
    public List<String> getApprovals() {
        return row.approvals();
    }

    /** Such as {@code 1 s}; empty when nothing was restored. */
    @Exported
    public String getTimeToRestore() {
        return row.timeToRestore();
    }

    /** The same in milliseconds, {@code -1} when nothing was restored. */
    @Exported
    public long getTimeToRestoreMillis() {
        return row.timeToRestoreMillis();
    }

    @Exported
    public String getReason() {
        return row.reason();
    }

    @Exported
    public String getBuild() {
        return row.build();
    }

    @Exported
    public String getBuildUrl() {
        return BuildLinks.urlOf(row.build());
    }

    @Exported
    public String getStartedAt() {
        return row.startedAt().toString();
    }

    @Exported
    public String getEndedAt() {
        return row.endedAt().toString();
    }
}
