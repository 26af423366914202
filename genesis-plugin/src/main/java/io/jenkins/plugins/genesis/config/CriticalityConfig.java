package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.ListBoxModel;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * An environment's {@code criticality:} mapping: what a criterion of each configurable kind does
 * when it is not met ({@code note}, {@code unstable}, {@code failure} or {@code error}). A kind
 * that is not set is {@code error}. The engine checks the words.
 */
public final class CriticalityConfig implements Describable<CriticalityConfig> {

    private String passRate;
    private String coverage;
    private String coverageDrop;
    private String required;
    private String findings;
    private String benchmarks;

    @DataBoundConstructor
    public CriticalityConfig() {}

    public String getPassRate() {
        return passRate;
    }

    @DataBoundSetter
    public void setPassRate(String passRate) {
        this.passRate = clean(passRate);
    }

    public String getCoverage() {
        return coverage;
    }

    @DataBoundSetter
    public void setCoverage(String coverage) {
        this.coverage = clean(coverage);
    }

    public String getCoverageDrop() {
        return coverageDrop;
    }

    @DataBoundSetter
    public void setCoverageDrop(String coverageDrop) {
        this.coverageDrop = clean(coverageDrop);
    }

    public String getRequired() {
        return required;
    }

    @DataBoundSetter
    public void setRequired(String required) {
        this.required = clean(required);
    }

    public String getFindings() {
        return findings;
    }

    @DataBoundSetter
    public void setFindings(String findings) {
        this.findings = clean(findings);
    }

    public String getBenchmarks() {
        return benchmarks;
    }

    @DataBoundSetter
    public void setBenchmarks(String benchmarks) {
        this.benchmarks = clean(benchmarks);
    }

    /** The mapping as the engine's binder reads it: the kinds that are set, by their keys. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, CriterionKind.PASS_RATE, passRate);
        put(tree, CriterionKind.COVERAGE, coverage);
        put(tree, CriterionKind.COVERAGE_DROP, coverageDrop);
        put(tree, CriterionKind.REQUIRED, required);
        put(tree, CriterionKind.FINDINGS, findings);
        put(tree, CriterionKind.BENCHMARKS, benchmarks);
        return tree;
    }

    private static void put(Map<String, Object> tree, CriterionKind kind, String value) {
        if (value != null) {
            tree.put(kind.key(), value);
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The criticality part of an environment's form. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<CriticalityConfig> {

        @Override
        public String getDisplayName() {
            return Messages.CRITICALITY_DISPLAY_NAME.format();
        }

        @POST
        public ListBoxModel doFillPassRateItems() {
            return levels();
        }

        @POST
        public ListBoxModel doFillCoverageItems() {
            return levels();
        }

        @POST
        public ListBoxModel doFillCoverageDropItems() {
            return levels();
        }

        @POST
        public ListBoxModel doFillRequiredItems() {
            return levels();
        }

        @POST
        public ListBoxModel doFillFindingsItems() {
            return levels();
        }

        @POST
        public ListBoxModel doFillBenchmarksItems() {
            return levels();
        }

        private ListBoxModel levels() {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.CRITICALITY_DEFAULT.format(), "");
            for (Criticality level : Criticality.values()) {
                items.add(level.key(), level.key());
            }
            return items;
        }
    }
}
