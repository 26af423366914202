package io.jenkins.plugins.genesis.gate;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One {@code genesisGate} call's verdict, kept with the build: shown on the build page
 * ({@code summary.jelly}) and served by the remote API. Each call adds its own action, so a build
 * with several gates (one per stage, or in parallel branches) shows each of them, in order, and
 * no two calls ever change the same object.
 *
 * <p>A gate that was forced through also shows as a badge beside the build in the build history
 * ({@code badge.jelly}, core's own build-badge mechanism: no badge plugin needed), and names who
 * forced it: the build's identity, which needed the Force permission.
 *
 * <p>Jenkins stores actions with XStream, so the verdict is kept as the JSON of the engine's
 * summary (a plain string) and read back into plugin-side rows when first shown.
 */
@ExportedBean(defaultVisibility = 2)
public final class GateBuildAction implements RunAction2, BuildBadgeAction {

    private final String summaryJson;
    /** The identity that forced the gate through; {@code null} unless it was overridden. */
    private final String forcedBy;

    private transient volatile GateReport report;

    GateBuildAction(String summaryJson, String forcedBy) {
        this.summaryJson = summaryJson;
        this.forcedBy = forcedBy;
    }

    private GateReport report() {
        GateReport read = report;
        if (read == null) {
            read = GateReport.fromJson(summaryJson);
            report = read;
        }
        return read;
    }

    /** {@code PASSED}, {@code UNSTABLE}, {@code FAILED} or {@code OVERRIDDEN}. */
    @Exported
    public String getVerdict() {
        return report().verdict();
    }

    /** What the gate decided before a force; the same as the verdict unless it was overridden. */
    @Exported
    public String getDecided() {
        return report().decided();
    }

    /** The environment whose bar was applied. */
    @Exported
    public String getEnvironment() {
        return report().environment();
    }

    /** passed ÷ (passed + failed + errors), in percent, or {@code null} when no test ran. */
    @Exported
    public Double getPassRate() {
        return report().passRate();
    }

    @Exported
    public long getTotalTests() {
        return report().tests().total();
    }

    /** Every criterion checked, in order. */
    @Exported
    public List<CriterionRow> getCriteria() {
        return report().criteria();
    }

    /** Remarks that did not change the verdict. */
    @Exported
    public List<String> getNotes() {
        return report().notes();
    }

    /** Why the gate was forced through, or {@code null}. */
    @Exported
    public String getOverrideReason() {
        return report().overrideReason();
    }

    /** Whether the gate did not pass and was forced through: then a badge shows it in the build history. */
    public boolean isOverridden() {
        return report().overrideReason() != null;
    }

    /** Who forced the gate through (the build's identity), or {@code null} when it was not forced. */
    @Exported
    public String getForcedBy() {
        return forcedBy;
    }

    /** The summary as the engine wrote it, for tools that read the JSON of {@code genesis gate --json}. */
    public String getSummaryJson() {
        return summaryJson;
    }

    /** Shown on the build page only, through {@code summary.jelly}: no link, no page of its own. */
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
        // Everything the action shows is in its summary; it needs nothing from the build.
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        // As for onAttached.
    }
}
