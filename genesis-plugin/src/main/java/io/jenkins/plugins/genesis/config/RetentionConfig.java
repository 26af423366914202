package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.genesis.core.history.RetentionBinder;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

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

        @POST
        public FormValidation doCheckKeep(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(check(value, RetentionBinder::keepProblem));
        }

        @POST
        public FormValidation doCheckDays(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(check(value, RetentionBinder::daysProblem));
        }
    }

    /**
     * A retention field as typed into the form, judged by the engine's rule ({@code engine}) with its words;
     * empty means the default.
     */
    static Optional<String> check(String value, Function<Object, Optional<String>> engine) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Object typed;
        try {
            typed = Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            typed = value.trim();
        }
        return engine.apply(typed);
    }
}
