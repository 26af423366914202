package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One metric's bounds inside an environment's {@code watchThresholds:}: warning, critical and automatic
 * rollback, in the metric's unit. A bound left empty keeps the release guide's; the engine's
 * {@code WatchThresholdsBinder} checks them.
 */
public final class MetricBoundsConfig implements Describable<MetricBoundsConfig> {

    private Double warning;
    private Double critical;
    private Double rollback;

    @DataBoundConstructor
    public MetricBoundsConfig() {}

    public Double getWarning() {
        return warning;
    }

    @DataBoundSetter
    public void setWarning(Double warning) {
        this.warning = warning;
    }

    public Double getCritical() {
        return critical;
    }

    @DataBoundSetter
    public void setCritical(Double critical) {
        this.critical = critical;
    }

    public Double getRollback() {
        return rollback;
    }

    @DataBoundSetter
    public void setRollback(Double rollback) {
        this.rollback = rollback;
    }

    /** The bounds that are set, by their keys, as the engine's binder reads them. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (warning != null) {
            tree.put("warning", warning);
        }
        if (critical != null) {
            tree.put("critical", critical);
        }
        if (rollback != null) {
            tree.put("rollback", rollback);
        }
        return tree;
    }

    /** The bounds of one metric in an environment's form. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<MetricBoundsConfig> {

        @Override
        public String getDisplayName() {
            return Messages.METRIC_BOUNDS_DISPLAY_NAME.format();
        }
    }
}
