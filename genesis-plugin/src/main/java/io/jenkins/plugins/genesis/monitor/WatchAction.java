package io.jenkins.plugins.genesis.monitor;

import hudson.AbortException;
import hudson.model.Failure;
import hudson.model.Run;
import hudson.security.Permission;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.Incident;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchState;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * One post-deploy watch on the page of the build that started it ({@code summary.jelly}) and in the
 * REST API: what is watched until when, the samples so far, every incident, and the verdict. A
 * rollback the watch triggers is also recorded on the rollout's own record, which the deploying
 * build's <i>Genesis deployment</i> section shows.
 *
 * <p>Jenkins stores it with the build through XStream, so it holds plain copies of the engine's
 * watch state (strings and numbers), never the state itself; the engine's store stays the source of
 * truth.
 */
@ExportedBean(defaultVisibility = 2)
public final class WatchAction implements RunAction2 {

    private final String watchId;
    private String application;
    private String environment;
    private String version;
    private String rolloutId;
    private String initiator;
    private String stage;
    /** Empty while the watch runs. */
    private String verdict = "";

    private String reason = "";
    private long startedAt;
    private long endsAt;
    private int samples;
    private int warnings;
    private int critical;
    private int inconclusive;
    private List<String> incidents = new ArrayList<>();
    /** The build this action is on; not stored with it. */
    private transient Run<?, ?> run;

    WatchAction(WatchState state) {
        this.watchId = state.id().value();
        update(state);
    }

    /** Shows {@code state} on {@code run}'s page: updates the action of that watch, or adds one, and saves the build. */
    static WatchAction show(Run<?, ?> run, WatchState state) throws IOException {
        WatchAction shown = null;
        for (WatchAction action : run.getActions(WatchAction.class)) {
            if (action.watchId.equals(state.id().value())) {
                shown = action;
                shown.update(state);
            }
        }
        if (shown == null) {
            shown = new WatchAction(state);
            run.addAction(shown);
        }
        run.save();
        return shown;
    }

    /** Copies what {@code state} says now. */
    void update(WatchState state) {
        application = state.request().key().application();
        environment = state.request().key().environment();
        version = state.request().version().value();
        rolloutId = state.request().rolloutId();
        initiator = state.request().initiator();
        stage = state.stage().name();
        verdict = state.ended() ? state.outcome().verdict().name() : "";
        reason = state.ended() ? state.outcome().reason() : "";
        startedAt = state.startedAt().toEpochMilli();
        endsAt = state.endsAt().toEpochMilli();
        AnalysisRun run = state.sampling().run();
        samples = run.samples();
        warnings = run.warnings();
        critical = run.critical();
        inconclusive = run.inconclusive();
        List<String> lines = new ArrayList<>();
        state.incidents().forEach(incident -> lines.add(line(incident)));
        incidents = lines;
    }

    /** Such as {@code #1 CRITICAL from 2026-12-01T10:00:30Z: error rate 6.00 % > 5.00 %; closed ...: rolled back; restored in 1.2 s}. */
    private static String line(Incident incident) {
        StringBuilder text = new StringBuilder()
                .append('#')
                .append(incident.number())
                .append(' ')
                .append(incident.severity())
                .append(" from ")
                .append(incident.openedAt())
                .append(": ")
                .append(incident.reason());
        if (incident.closedAt() != null) {
            text.append("; closed ").append(incident.closedAt()).append(": ").append(incident.resolution());
        }
        if (incident.timeToRestore() != null) {
            text.append("; restored in ").append(Durations.format(incident.timeToRestore()));
        }
        return text.toString();
    }

    @Exported
    public String getWatchId() {
        return watchId;
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

    /** The rollout that deployed the version, which a critical incident rolls back. */
    @Exported
    public String getRolloutId() {
        return rolloutId;
    }

    @Exported
    public String getInitiator() {
        return initiator;
    }

    /** {@code WATCHING}, {@code ROLLING_BACK} or {@code ENDED}. */
    @Exported
    public String getStage() {
        return stage;
    }

    /** {@code HEALTHY}, {@code ROLLED_BACK}, {@code SUPERSEDED}, {@code STOPPED} or {@code INCONCLUSIVE}; empty while it runs. */
    @Exported
    public String getVerdict() {
        return verdict;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    /** Milliseconds since the epoch. */
    @Exported
    public long getStartedAt() {
        return startedAt;
    }

    /** Milliseconds since the epoch. */
    @Exported
    public long getEndsAt() {
        return endsAt;
    }

    @Exported
    public int getSamples() {
        return samples;
    }

    @Exported
    public int getWarnings() {
        return warnings;
    }

    @Exported
    public int getCritical() {
        return critical;
    }

    @Exported
    public int getInconclusive() {
        return inconclusive;
    }

    /** One line per incident, oldest first. */
    @Exported
    public List<String> getIncidents() {
        return Collections.unmodifiableList(incidents);
    }

    /** Shown on the build page only, through {@code summary.jelly}. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.WATCH_ACTION_DISPLAY_NAME.format();
    }

    /** The address of {@link #doStop}; no link in the side panel (no icon), the build page's summary has the form. */
    @Override
    public String getUrlName() {
        return "genesis-watch-" + watchId;
    }

    /** The build this action is on, for its pages; {@code null} until attached. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** What {@link #doStop} asks for, for the build page to offer the form only to those who have it. */
    public Permission getStopPermission() {
        return GenesisPermissions.ROLLBACK;
    }

    /** Whether the watch still runs, so the build page offers to stop it. */
    public boolean isRunning() {
        return verdict.isEmpty();
    }

    /**
     * The <i>Stop watching</i> button: a user with Genesis/Rollback on the job (the people who may roll back
     * may also end what would roll back by itself) stops the watch, with a reason; the engine records the
     * Jenkins user id and the reason, and no rollback follows.
     */
    @RequirePOST
    public HttpResponse doStop(@QueryParameter String reason) throws AbortException {
        Run<?, ?> build = run;
        if (build == null) {
            throw new Failure(Messages.WATCH_STOP_UNKNOWN.format(watchId));
        }
        build.checkPermission(GenesisPermissions.ROLLBACK);
        WatchStopping outcome =
                WatchStopping.stop(MonitorEngine.host(), WatchId.of(watchId), JenkinsFacade.currentUserName(), reason);
        if (!outcome.stopped()) {
            throw new Failure(outcome.message());
        }
        return HttpResponses.redirectToDot();
    }

    @Override
    public void onAttached(Run<?, ?> attached) {
        // Everything shown is copied from the watch's state; the build is kept for doStop's permission check.
        this.run = attached;
    }

    @Override
    public void onLoad(Run<?, ?> loaded) {
        this.run = loaded;
    }
}
