package io.jenkins.plugins.genesis.board;

import io.genesis.core.board.BoardRow;
import io.genesis.core.history.JobNames;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One row of "what runs where": an application and environment, the version there, since when, by
 * which build, and its post-deploy watch. Shown on the job page and the folder board, and in their
 * {@code api/json}. Never stored: Jenkins builds it again for every page.
 */
@ExportedBean(defaultVisibility = 3)
public final class BoardEntry {

    private final BoardRow row;
    private final boolean fromThisJob;

    BoardEntry(BoardRow row, String job) {
        this.row = row;
        this.fromThisJob = JobNames.within(row.build(), job);
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

    /** When the rollout that put the version there ended, such as {@code 2026-12-07T10:00:00Z}. */
    @Exported
    public String getSince() {
        return row.since().toString();
    }

    /** The same in milliseconds since the epoch. */
    @Exported
    public long getSinceMillis() {
        return row.since().toEpochMilli();
    }

    @Exported
    public String getRolloutId() {
        return row.rolloutId();
    }

    /** The build that deployed it, such as {@code shop/main#12}; empty when not known. */
    @Exported
    public String getBuild() {
        return row.build();
    }

    /** That build's address below Jenkins' root, such as {@code job/shop/job/main/12/}; empty when not known. */
    @Exported
    public String getBuildUrl() {
        return BuildLinks.urlOf(row.build());
    }

    @Exported
    public String getStrategy() {
        return row.strategy();
    }

    /** {@code NONE}, {@code WATCHING}, {@code ROLLING_BACK}, or the verdict of the watch that ended. */
    @Exported
    public String getWatch() {
        return row.watch().state();
    }

    @Exported
    public String getWatchSummary() {
        return row.watch().summary();
    }

    @Exported
    public String getWatchId() {
        return row.watch().watchId();
    }

    /** Whether a build of the page's job (or folder) deployed it: only then does the page offer to roll it back. */
    @Exported
    public boolean isFromThisJob() {
        return fromThisJob;
    }
}
