package io.jenkins.plugins.genesis.approval;

import hudson.model.Failure;
import hudson.model.Item;
import hudson.model.Run;
import io.genesis.core.approval.ApprovalRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * One approval request of a rollout, kept with the build that started it: the page at
 * {@code genesis-approval} where approvers approve or reject (by POST, with Jenkins' crumb), and
 * what they answered, shown on the build page and served by the remote API.
 *
 * <p>The action does not decide anything. It reads who answers from Jenkins' authentication at
 * the time of the POST ({@link Identities#current()}), never from the script, and hands the answer
 * to the engine through the {@link JenkinsApprover} that connected it; the engine's rules decide.
 *
 * <p>Jenkins stores it with the build (XStream) and it is sent nowhere else; it holds plain values
 * only, and its connection to the engine is transient: after a restart the engine asks again for
 * every request still waiting, which connects the stored action again.
 */
@ExportedBean(defaultVisibility = 2)
public final class ApprovalAction implements RunAction2, Serializable {

    private static final long serialVersionUID = 1L;

    /** The action's address below the build's. */
    public static final String URL_NAME = "genesis-approval";

    private final String requestId;
    private final String rolloutId;
    private final String application;
    private final String environment;
    private final String version;
    private final String strategy;
    private final String question;
    private final String whoMayAnswer;
    private final List<String> approvers;
    private final List<String> approverGroups;
    private final boolean administratorsOnly;
    private final String initiator;
    private final boolean selfApprovalPrevented;
    private final long requestedAt;
    private final long notBefore;
    private final long deadline;

    private String state;
    private String answeredBy;
    private long answeredAt;
    private String comment;
    private String withdrawnReason;

    private transient Run<?, ?> run;
    private transient volatile JenkinsApprover desk;

    private ApprovalAction(ApprovalRequest request) {
        this.requestId = request.requestId();
        this.rolloutId = request.rolloutId();
        this.application = request.key().application();
        this.environment = request.key().environment();
        this.version = request.version().toString();
        this.strategy = request.strategy();
        this.question = request.question();
        this.whoMayAnswer = request.describeApprovers();
        this.approvers = new ArrayList<>(new TreeSet<>(request.approvers()));
        this.approverGroups = new ArrayList<>(new TreeSet<>(request.approverGroups()));
        this.administratorsOnly = request.administratorsOnly();
        this.initiator = request.initiator();
        this.selfApprovalPrevented = request.selfApprovalPrevented();
        this.requestedAt = request.requestedAt().toEpochMilli();
        this.notBefore = request.notBefore().toEpochMilli();
        this.deadline = request.deadline().toEpochMilli();
        this.state = ApprovalState.WAITING.name();
    }

    /** A new action showing {@code request}, waiting for an answer. */
    static ApprovalAction of(ApprovalRequest request) {
        return new ApprovalAction(request);
    }

    // ------------------------------------------------------------------ state

    /**
     * Records an answer the engine accepted; {@code false} when an answer is recorded already. It
     * replaces a withdrawal: the engine accepts no answer once it has withdrawn a request, so a
     * withdrawal seen here first only raced with this answer (a rejection can end the rollout, and
     * the host close its requests, before the accepting call returns).
     */
    synchronized boolean answered(boolean approved, String by, String answerComment, Instant at) {
        if (!isWaiting() && !ApprovalState.WITHDRAWN.name().equals(state)) {
            return false;
        }
        state = (approved ? ApprovalState.APPROVED : ApprovalState.REJECTED).name();
        answeredBy = by;
        answeredAt = at.toEpochMilli();
        comment = answerComment == null ? "" : answerComment.strip();
        withdrawnReason = null;
        return true;
    }

    /** Takes the request back (timed out, superseded); {@code false} when it no longer waits. */
    synchronized boolean withdrawn(String reason, Instant at) {
        if (!isWaiting()) {
            return false;
        }
        state = ApprovalState.WITHDRAWN.name();
        withdrawnReason = reason;
        answeredAt = at.toEpochMilli();
        return true;
    }

    /** Links this action to the approver that hands its answers to the engine. */
    void connect(JenkinsApprover approver) {
        this.desk = approver;
    }

    boolean isConnected() {
        return desk != null;
    }

    // ------------------------------------------------------------------ web methods

    /** The approve button: the current user approves, with an optional comment. */
    @RequirePOST
    public HttpResponse doApprove(@QueryParameter String comment) {
        return answer(true, comment);
    }

    /** The reject button: the current user rejects, with an optional comment. */
    @RequirePOST
    public HttpResponse doReject(@QueryParameter String comment) {
        return answer(false, comment);
    }

    private HttpResponse answer(boolean approved, String answerComment) {
        Run<?, ?> build = run;
        if (build == null) {
            throw new Failure(Messages.NOT_ATTACHED.format());
        }
        build.checkPermission(Item.READ);
        JenkinsApprover approver = desk;
        AnswerOutcome outcome = approver == null
                ? AnswerOutcome.refused(Messages.NOT_CONNECTED.format(environment))
                : approver.answer(this, Identities.current(), answerComment, approved);
        if (!outcome.accepted()) {
            throw new Failure(outcome.message());
        }
        return HttpResponses.redirectToDot();
    }

    // ------------------------------------------------------------------ shown and exported

    @Exported
    public String getRequestId() {
        return requestId;
    }

    @Exported
    public String getRolloutId() {
        return rolloutId;
    }

    @Exported
    public String getApplication() {
        return application;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    @Exported
    public String getVersion() {
        return version;
    }

    @Exported
    public String getStrategy() {
        return strategy;
    }

    @Exported
    public String getQuestion() {
        return question;
    }

    /** Who may answer, in the engine's wording: {@code users alice; groups release-managers}. */
    @Exported
    public String getWhoMayAnswer() {
        return whoMayAnswer;
    }

    @Exported
    public List<String> getApprovers() {
        return List.copyOf(approvers);
    }

    @Exported
    public List<String> getApproverGroups() {
        return List.copyOf(approverGroups);
    }

    @Exported
    public boolean isAdministratorsOnly() {
        return administratorsOnly;
    }

    @Exported
    public String getInitiator() {
        return initiator;
    }

    @Exported
    public boolean isSelfApprovalPrevented() {
        return selfApprovalPrevented;
    }

    /** When the request was made, in milliseconds since the epoch. */
    @Exported
    public long getRequestedAt() {
        return requestedAt;
    }

    /** When approving becomes possible (the wait timer), in milliseconds since the epoch. */
    @Exported
    public long getNotBefore() {
        return notBefore;
    }

    /** When the request times out and the rollout is aborted, in milliseconds since the epoch. */
    @Exported
    public long getDeadline() {
        return deadline;
    }

    public String getNotBeforeText() {
        return Instant.ofEpochMilli(notBefore).toString();
    }

    public String getDeadlineText() {
        return Instant.ofEpochMilli(deadline).toString();
    }

    /** {@code WAITING}, {@code APPROVED}, {@code REJECTED} or {@code WITHDRAWN}. */
    @Exported
    public synchronized String getState() {
        return state;
    }

    public synchronized boolean isWaiting() {
        return ApprovalState.WAITING.name().equals(state);
    }

    /** The Jenkins user id that answered, or {@code null}. */
    @Exported
    public synchronized String getAnsweredBy() {
        return answeredBy;
    }

    /** When it was answered or withdrawn, in milliseconds since the epoch; 0 while waiting. */
    @Exported
    public synchronized long getAnsweredAt() {
        return answeredAt;
    }

    public synchronized String getAnsweredAtText() {
        return answeredAt == 0 ? "" : Instant.ofEpochMilli(answeredAt).toString();
    }

    /** The approver's comment, or {@code null} while unanswered. */
    @Exported
    public synchronized String getComment() {
        return comment;
    }

    /** Why the engine took the request back, or {@code null}. */
    @Exported
    public synchronized String getWithdrawnReason() {
        return withdrawnReason;
    }

    /** A link in the build's side panel while the request waits; none afterwards (the summary shows the answer). */
    @Override
    public String getIconFileName() {
        return isWaiting() ? "help.png" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ACTION_DISPLAY_NAME.format();
    }

    /** The page stays reachable after the answer, so a console link never ends in a 404. */
    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The build this request belongs to, for the views' links. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
