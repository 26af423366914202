package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * An environment's {@code retention:}: how long the controller keeps its deployment records, with the same
 * keys as {@code genesis.yaml} (Configuration as Code writes them the same way). Only the parts that are
 * set go to the engine's {@code RetentionBinder}, which holds the defaults, the ranges and the messages.
 */
public final class RetentionConfig implements Describable<RetentionConfig> {

    private Integer keep;
    private Integer days;

    @DataBoundConstructor
    public RetentionConfig() {}

    /** The newest records of each application and job always kept; {@code null}: the default. */
    public Integer getKeep() {
        return keep;
    }

    @DataBoundSetter
    public void setKeep(Integer keep) {
        this.keep = keep;
    }

    /** Records that ended less than this many days ago are always kept; {@code null}: the default. */
    public Integer getDays() {
        return days;
    }

    @DataBoundSetter
    public void setDays(Integer days) {
        this.days = days;
    }

    /** The section as the engine's binder reads it: only the parts that are set. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (keep != null) {
            tree.put("keep", keep);
        }
        if (days != null) {
            tree.put("days", days);
        }
        return tree;
    }

    /** The record retention part of an environment's form. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RetentionConfig> {

        @Override
        public String getDisplayName() {
            return Messages.RETENTION_DISPLAY_NAME.format();
        }
    }
}
