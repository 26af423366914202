package io.jenkins.plugins.genesis.board;

import io.genesis.core.board.RunningRow;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A rollout of the job still in progress, which the job page offers to abort, or to promote while it waits. */
@ExportedBean(defaultVisibility = 3)
public final class RunningEntry {

    private final RunningRow row;

    RunningEntry(RunningRow row) {
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

    @Exported
    public String getStrategy() {
        return row.strategy();
    }

    /** Such as {@code AWAITING_APPROVAL}, {@code ANALYSING} or {@code QUEUED}. */
    @Exported
    public String getStatus() {
        return row.status();
    }

    /** Such as {@code step 3 of 9: approve}; empty outside a step. */
    @Exported
    public String getStep() {
        return row.step();
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
    public String getSubmittedAt() {
        return row.submittedAt().toString();
    }

    @Exported
    public boolean isAwaitingApproval() {
        return row.awaitingApproval();
    }
}
