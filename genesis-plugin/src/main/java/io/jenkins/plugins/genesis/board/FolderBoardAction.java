package io.jenkins.plugins.genesis.board;

import hudson.AbortException;
import hudson.model.AbstractItem;
import hudson.model.Action;
import io.jenkins.plugins.genesis.deploy.DeployEngine;
import java.util.List;
import java.util.Objects;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The board of a folder or multibranch project, at {@code genesis-board}: every application and
 * environment its jobs (branch jobs included, at any depth) deploy to, one row each, saying what runs
 * there now and from which build. It only reads; the buttons are on each job's page. Served by the
 * remote API as well. Made afresh whenever Jenkins lists the folder's actions, never stored.
 */
@ExportedBean(defaultVisibility = 2)
public final class FolderBoardAction implements Action {

    /** The action's address below the folder's. */
    public static final String URL_NAME = "genesis-board";

    private final AbstractItem folder;

    /** The board of {@code folder}, an item that holds jobs. */
    public FolderBoardAction(AbstractItem folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The folder, for the view's side panel. */
    public AbstractItem getFolder() {
        return folder;
    }

    /** The folder's full name, such as {@code shop}. */
    @Exported
    public String getFolderName() {
        return folder.getFullName();
    }

    /** One row per application and environment the folder's jobs deploy to. */
    @Exported(inline = true)
    public List<BoardEntry> getWhatRunsWhere() {
        try {
            return JobViews.board(DeployEngine.host(), getFolderName());
        } catch (AbortException e) {
            return List.of();
        }
    }

    /** The folder's rollouts that have not ended, newest first. */
    @Exported(inline = true)
    public List<RunningEntry> getInProgress() {
        try {
            return JobViews.inProgress(DeployEngine.host(), getFolderName());
        } catch (AbortException e) {
            return List.of();
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-pulse";
    }

    @Override
    public String getDisplayName() {
        return Messages.FOLDER_ACTION_DISPLAY_NAME.format();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
