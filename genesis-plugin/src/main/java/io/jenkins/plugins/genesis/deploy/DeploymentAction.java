package io.jenkins.plugins.genesis.deploy;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.time.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One rollout a build started (or rolled back), on the build page ({@code summary.jelly}) and in the
 * REST API: strategy, phases with their times, traffic weights, analysis values, approvals, final
 * status and time to restore. A rolled-back rollout also shows as a badge in the build history.
 *
 * <p>Jenkins stores it with the build through XStream, so it holds plain copies of the engine's
 * record (strings, numbers and the plugin's own rows), never the record itself; the engine's history
 * stays the source of truth.
 */
@ExportedBean(defaultVisibility = 2)
public final class DeploymentAction implements RunAction2, BuildBadgeAction {

    private final String rolloutId;
    private String application;
    private String environment;
    private String version;
    private String strategy;
    private String status;
    private String reason;
    private String initiator;
    private long startedAt;
    private long endedAt;
    /** Such as {@code 1.2 s}; empty unless a rollback restored traffic. */
    private String timeToRestore = "";
    /** Milliseconds, or -1 unless a rollback restored traffic. */
    private long timeToRestoreMillis = -1;

    private List<DeploymentPhase> phases = new ArrayList<>();
    private List<String> weights = new ArrayList<>();
    private List<DeploymentAnalysis> analyses = new ArrayList<>();
    private List<DeploymentApproval> approvals = new ArrayList<>();
    private List<String> notes = new ArrayList<>();

    DeploymentAction(DeploymentRecord record) {
        this.rolloutId = record.id();
        update(record);
    }

    /**
     * Shows {@code record} on {@code run}'s page: updates the action of that rollout, or adds one, and
     * saves the build.
     */
    static DeploymentAction record(Run<?, ?> run, DeploymentRecord record) throws IOException {
        DeploymentAction shown = null;
        for (DeploymentAction action : run.getActions(DeploymentAction.class)) {
            if (action.rolloutId.equals(record.id())) {
                shown = action;
                shown.update(record);
            }
        }
        if (shown == null) {
            shown = new DeploymentAction(record);
            run.addAction(shown);
        }
        run.save();
        return shown;
    }

    /** Copies what {@code record} says now (a rollback after success changes a record). */
    void update(DeploymentRecord record) {
        application = record.application();
        environment = record.environment();
        version = record.version();
        strategy = record.strategy();
        status = record.status().name();
        reason = record.reason();
        initiator = record.initiator();
        startedAt = record.startedAt().toEpochMilli();
        endedAt = record.endedAt().toEpochMilli();
        timeToRestore = record.restoreTime().map(Durations::format).orElse("");
        timeToRestoreMillis = record.restoreTime().map(Duration::toMillis).orElse(-1L);
        List<DeploymentPhase> newPhases = new ArrayList<>();
        List<String> newWeights = new ArrayList<>();
        for (PhaseRecord phase : record.phases()) {
            newPhases.add(new DeploymentPhase(phase));
            if (phase.kind().equals("setWeight")) {
                newWeights.add(phase.description());
            }
        }
        phases = newPhases;
        weights = newWeights;
        List<DeploymentAnalysis> newAnalyses = new ArrayList<>();
        record.analyses().forEach(analysis -> newAnalyses.add(new DeploymentAnalysis(analysis)));
        analyses = newAnalyses;
        List<DeploymentApproval> newApprovals = new ArrayList<>();
        record.approvals().forEach(approval -> newApprovals.add(new DeploymentApproval(approval)));
        approvals = newApprovals;
        notes = new ArrayList<>(record.notes());
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

    /** {@code SUCCEEDED}, {@code ROLLED_BACK}, {@code FAILED} or {@code ABORTED}. */
    @Exported
    public String getStatus() {
        return status;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    @Exported
    public String getInitiator() {
        return initiator;
    }

    /** Milliseconds since the epoch. */
    @Exported
    public long getStartedAt() {
        return startedAt;
    }

    /** Milliseconds since the epoch. */
    @Exported
    public long getEndedAt() {
        return endedAt;
    }

    /** Such as {@code 1.2 s}; empty unless a rollback restored traffic. */
    @Exported
    public String getTimeToRestore() {
        return timeToRestore;
    }

    /** Milliseconds, or -1 unless a rollback restored traffic. */
    @Exported
    public long getTimeToRestoreMillis() {
        return timeToRestoreMillis;
    }

    @Exported
    public List<DeploymentPhase> getPhases() {
        return Collections.unmodifiableList(phases);
    }

    /** Each traffic weight asked for, in order, such as {@code set weight 10.00 %}. */
    @Exported
    public List<String> getWeights() {
        return Collections.unmodifiableList(weights);
    }

    @Exported
    public List<DeploymentAnalysis> getAnalyses() {
        return Collections.unmodifiableList(analyses);
    }

    @Exported
    public List<DeploymentApproval> getApprovals() {
        return Collections.unmodifiableList(approvals);
    }

    @Exported
    public List<String> getNotes() {
        return Collections.unmodifiableList(notes);
    }

    /** Whether traffic went back to the previous version: then a badge shows it in the build history. */
    public boolean isRolledBack() {
        return RecordStatus.ROLLED_BACK.name().equals(status);
    }

    /** Shown on the build page only, through {@code summary.jelly}. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ACTION_DISPLAY_NAME.format();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        // Everything shown is copied from the record.
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        // As for onAttached.
    }
}
