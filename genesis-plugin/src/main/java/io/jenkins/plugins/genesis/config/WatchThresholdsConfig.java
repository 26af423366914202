package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * An environment's {@code watchThresholds:}: how its post-deploy watch judges a version, with the same
 * keys as {@code genesis.yaml} (Configuration as Code writes them the same way). Only the parts that are
 * set go to the engine's {@code WatchThresholdsBinder}, which holds the defaults, the ranges and the
 * messages; none lives here.
 */
public final class WatchThresholdsConfig implements Describable<WatchThresholdsConfig> {

    private MetricBoundsConfig errorRate;
    private MetricBoundsConfig latencyP95;
    private MetricBoundsConfig availability;
    private MetricBoundsConfig testPassRate;
    private Integer consecutiveCritical;
    private Integer recoverySamples;
    private String sampleInterval;

    @DataBoundConstructor
    public WatchThresholdsConfig() {}

    public MetricBoundsConfig getErrorRate() {
        return errorRate;
    }

    @DataBoundSetter
    public void setErrorRate(MetricBoundsConfig errorRate) {
        this.errorRate = errorRate;
    }

    public MetricBoundsConfig getLatencyP95() {
        return latencyP95;
    }

    @DataBoundSetter
    public void setLatencyP95(MetricBoundsConfig latencyP95) {
        this.latencyP95 = latencyP95;
    }

    public MetricBoundsConfig getAvailability() {
        return availability;
    }

    @DataBoundSetter
    public void setAvailability(MetricBoundsConfig availability) {
        this.availability = availability;
    }

    public MetricBoundsConfig getTestPassRate() {
        return testPassRate;
    }

    @DataBoundSetter
    public void setTestPassRate(MetricBoundsConfig testPassRate) {
        this.testPassRate = testPassRate;
    }

    public Integer getConsecutiveCritical() {
        return consecutiveCritical;
    }

    @DataBoundSetter
    public void setConsecutiveCritical(Integer consecutiveCritical) {
        this.consecutiveCritical = consecutiveCritical;
    }

    public Integer getRecoverySamples() {
        return recoverySamples;
    }

    @DataBoundSetter
    public void setRecoverySamples(Integer recoverySamples) {
        this.recoverySamples = recoverySamples;
    }

    public String getSampleInterval() {
        return sampleInterval;
    }

    @DataBoundSetter
    public void setSampleInterval(String sampleInterval) {
        this.sampleInterval = sampleInterval == null || sampleInterval.isBlank() ? null : sampleInterval.trim();
    }

    /** The section as the engine's binder reads it: only the parts that are set. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        bounds(tree, "errorRate", errorRate);
        bounds(tree, "latencyP95", latencyP95);
        bounds(tree, "availability", availability);
        bounds(tree, "testPassRate", testPassRate);
        if (consecutiveCritical != null) {
            tree.put("consecutiveCritical", consecutiveCritical);
        }
        if (recoverySamples != null) {
            tree.put("recoverySamples", recoverySamples);
        }
        if (sampleInterval != null) {
            tree.put("sampleInterval", sampleInterval);
        }
        return tree;
    }

    private static void bounds(Map<String, Object> tree, String key, MetricBoundsConfig bounds) {
        if (bounds != null && !bounds.toTree().isEmpty()) {
            tree.put(key, bounds.toTree());
        }
    }

    /** The watch thresholds part of an environment's form. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<WatchThresholdsConfig> {

        @Override
        public String getDisplayName() {
            return Messages.WATCH_THRESHOLDS_DISPLAY_NAME.format();
        }
    }
}
