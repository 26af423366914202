package io.jenkins.plugins.genesis.board;

import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Failure;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.genesis.core.board.HistoryTable;
import io.genesis.core.history.HistoryStore;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.approval.ApprovalAction;
import io.jenkins.plugins.genesis.deploy.DeployEngine;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * Genesis on a job's page: a "what runs where" panel on the job page itself ({@code jobMain.jelly}) and,
 * at {@code genesis-deployments}, the rollouts in progress, what runs where and the paged history, with
 * the buttons to roll back, promote, abort and release a stuck lock. Served by the remote API as well
 * ({@code genesis-deployments/api/json}).
 *
 * <p>It decides nothing: it reads through the engine ({@link RolloutHost}, whose history store answers
 * one page per read), checks the permission each button needs on the job, and hands the request to
 * {@link JobButtons}. It is made afresh whenever Jenkins lists the job's actions and never stored.
 */
@ExportedBean(defaultVisibility = 2)
public final class JobDeploymentsAction implements Action {

    /** The action's address below the job's. */
    public static final String URL_NAME = "genesis-deployments";

    private static final Logger LOGGER = Logger.getLogger(JobDeploymentsAction.class.getName());

    private final Job<?, ?> job;

    JobDeploymentsAction(Job<?, ?> job) {
        this.job = job;
    }

    /** The job this page belongs to, for the views' side panel and links. */
    public Job<?, ?> getJob() {
        return job;
    }

    /** The job's full name, such as {@code shop/main}. */
    @Exported
    public String getJobName() {
        return job.getFullName();
    }

    // ------------------------------------------------------------------ shown and exported

    /** One row per application and environment the job deploys to: what runs there now. */
    @Exported(inline = true)
    public List<BoardEntry> getWhatRunsWhere() {
        return engine().map(host -> JobViews.board(host, getJobName())).orElse(List.of());
    }

    /** The job's rollouts that have not ended, newest first. */
    @Exported(inline = true)
    public List<RunningEntry> getInProgress() {
        return engine().map(host -> JobViews.inProgress(host, getJobName())).orElse(List.of());
    }

    /** The newest page of the job's history. */
    @Exported(inline = true)
    public HistorySheet getHistory() {
        return history("1");
    }

    /** Page {@code page} (from 1; anything else reads as 1) of the job's history, newest first. */
    public HistorySheet history(String page) {
        int number = JobViews.pageNumber(page);
        return engine().map(host -> JobViews.history(host, getJobName(), number, HistoryTable.DEFAULT_PAGE_SIZE))
                .orElseGet(() -> new HistorySheet(
                        new HistoryTable(List.of(), number, HistoryTable.DEFAULT_PAGE_SIZE, 0, List.of())));
    }

    /** Why nothing can be shown, or empty while the engine runs. */
    public String getEngineProblem() {
        try {
            DeployEngine.host();
            return "";
        } catch (AbortException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------ buttons

    /** Rolls back a deployment of this job that runs now (Genesis/Rollback on the job). */
    @RequirePOST
    public HttpResponse doRollback(@QueryParameter String rolloutId, @QueryParameter String reason) {
        String by = allowed(GenesisPermissions.ROLLBACK);
        return answer(buttons().rollback(rolloutId, reason, by, refused -> refusedLater(rolloutId, refused)));
    }

    /** Aborts a rollout of this job in progress, which the engine rolls back (Genesis/Rollback on the job). */
    @RequirePOST
    public HttpResponse doAbort(@QueryParameter String rolloutId, @QueryParameter String reason) {
        String by = allowed(GenesisPermissions.ROLLBACK);
        return answer(buttons().abort(rolloutId, reason, by, refused -> refusedLater(rolloutId, refused)));
    }

    /** Releases a stuck lock of an application and environment this job deploys to (Genesis/Force on the job). */
    @RequirePOST
    public HttpResponse doReleaseLock(@QueryParameter String application, @QueryParameter String environment) {
        allowed(GenesisPermissions.FORCE);
        return answer(buttons().releaseLock(application, environment));
    }

    /**
     * Approves the approval a rollout of this job waits for, exactly as its build's approval page does:
     * the engine's rules decide who may (Job/Read here, the approvers there).
     */
    @RequirePOST
    public HttpResponse doPromote(@QueryParameter String rolloutId, @QueryParameter String comment) {
        allowed(Item.READ);
        JobButtons.Outcome may = buttons().mayPromote(rolloutId);
        if (!may.accepted()) {
            throw new Failure(may.message());
        }
        ApprovalAction waiting = DeployEngine.runOf(rolloutId)
                .flatMap(run -> waitingApproval(run, rolloutId))
                .orElseThrow(() -> new Failure("rollout " + rolloutId
                        + " waits for approval, but its build shows no approval page to answer"
                        + " (it is asked again after a restart)"));
        waiting.doApprove(comment);
        return HttpResponses.redirectToDot();
    }

    private static Optional<ApprovalAction> waitingApproval(Run<?, ?> run, String rolloutId) {
        return run.getActions(ApprovalAction.class).stream()
                .filter(action -> action.getRolloutId().equals(rolloutId) && action.isWaiting())
                .findFirst();
    }

    private String allowed(Permission permission) {
        job.checkPermission(permission);
        return JenkinsFacade.currentUserName();
    }

    private JobButtons buttons() {
        try {
            return new JobButtons(DeployEngine.host(), getJobName());
        } catch (AbortException e) {
            throw new Failure(e.getMessage());
        }
    }

    private static HttpResponse answer(JobButtons.Outcome outcome) {
        if (!outcome.accepted()) {
            throw new Failure(outcome.message());
        }
        return HttpResponses.redirectToDot();
    }

    private static void refusedLater(String rolloutId, String why) {
        LOGGER.warning("the engine refused the job page's rollback of rollout " + rolloutId + ": " + why);
    }

    /** The controller's record store, empty while its engine is not running. */
    static Optional<HistoryStore> store() {
        return engine().map(RolloutHost::history);
    }

    private static Optional<RolloutHost> engine() {
        try {
            return Optional.of(DeployEngine.host());
        } catch (AbortException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ Action

    @Override
    public String getIconFileName() {
        return "symbol-pulse";
    }

    @Override
    public String getDisplayName() {
        return Messages.JOB_ACTION_DISPLAY_NAME.format();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
