package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.AnalysisRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One analysis window as it was judged, with the measured values behind the decision. */
@ExportedBean(defaultVisibility = 3)
public final class DeploymentAnalysis implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final int samples;
    private final int critical;
    private final int inconclusive;
    private final String outcome;
    private final String reason;
    /** The worst value of each metric, such as {@code ERROR_RATE 0.40}. */
    private final List<String> worst;

    DeploymentAnalysis(AnalysisRecord analysis) {
        this.step = analysis.step();
        this.samples = analysis.samples();
        this.critical = analysis.critical();
        this.inconclusive = analysis.inconclusive();
        this.outcome = analysis.outcome();
        this.reason = analysis.reason();
        List<String> values = new ArrayList<>();
        analysis.worst().forEach((metric, value) -> values.add(String.format(Locale.ROOT, "%s %.2f", metric, value)));
        this.worst = values;
    }

    @Exported
    public int getStep() {
        return step;
    }

    @Exported
    public int getSamples() {
        return samples;
    }

    @Exported
    public int getCritical() {
        return critical;
    }

    @Exported
    public int getInconclusive() {
        return inconclusive;
    }

    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    @Exported
    public List<String> getWorst() {
        return Collections.unmodifiableList(worst);
    }
}
