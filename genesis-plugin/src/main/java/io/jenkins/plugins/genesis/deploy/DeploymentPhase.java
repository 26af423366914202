package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.PhaseRecord;
import io.genesis.core.time.Durations;
import java.io.Serializable;
import java.time.Duration;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One step of a rollout as it happened, as the build page and the REST API show it. */
@ExportedBean(defaultVisibility = 3)
public final class DeploymentPhase implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final String kind;
    private final String description;
    private final long startedAt;
    /** Milliseconds since the epoch, or -1 when the phase was interrupted. */
    private final long endedAt;

    private final String outcome;
    private final String detail;

    DeploymentPhase(PhaseRecord phase) {
        this.step = phase.step();
        this.kind = phase.kind();
        this.description = phase.description();
        this.startedAt = phase.startedAt().toEpochMilli();
        this.endedAt = phase.endedAt() == null ? -1 : phase.endedAt().toEpochMilli();
        this.outcome = phase.outcome();
        this.detail = phase.detail();
    }

    @Exported
    public int getStep() {
        return step;
    }

    @Exported
    public String getKind() {
        return kind;
    }

    @Exported
    public String getDescription() {
        return description;
    }

    /** Milliseconds since the epoch. */
    @Exported
    public long getStartedAt() {
        return startedAt;
    }

    /** Milliseconds since the epoch, or -1 when the phase was interrupted. */
    @Exported
    public long getEndedAt() {
        return endedAt;
    }

    /** How long it took, such as {@code 1.2 s}, or empty when it did not end. */
    public String getDuration() {
        return endedAt < 0 ? "" : Durations.format(Duration.ofMillis(endedAt - startedAt));
    }

    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public String getDetail() {
        return detail;
    }
}
