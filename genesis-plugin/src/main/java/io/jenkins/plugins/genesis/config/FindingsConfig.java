package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.genesis.core.policy.FindingBounds;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An environment's {@code findings:} mapping: how many security findings of each severity, and how
 * many secrets, its gate accepts. A bound that is not set is not gated; an environment whose
 * configuration has no findings part at all takes the engine's defaults by name. The engine checks
 * the numbers.
 */
public final class FindingsConfig implements Describable<FindingsConfig> {

    private Long critical;
    private Long high;
    private Long medium;
    private Long low;
    private Long secrets;

    @DataBoundConstructor
    public FindingsConfig() {}

    public Long getCritical() {
        return critical;
    }

    @DataBoundSetter
    public void setCritical(Long critical) {
        this.critical = critical;
    }

    public Long getHigh() {
        return high;
    }

    @DataBoundSetter
    public void setHigh(Long high) {
        this.high = high;
    }

    public Long getMedium() {
        return medium;
    }

    @DataBoundSetter
    public void setMedium(Long medium) {
        this.medium = medium;
    }

    public Long getLow() {
        return low;
    }

    @DataBoundSetter
    public void setLow(Long low) {
        this.low = low;
    }

    public Long getSecrets() {
        return secrets;
    }

    @DataBoundSetter
    public void setSecrets(Long secrets) {
        this.secrets = secrets;
    }

    /** The mapping as the engine's binder reads it: the bounds that are set, by their keys. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, "critical", critical);
        put(tree, "high", high);
        put(tree, "medium", medium);
        put(tree, "low", low);
        put(tree, "secrets", secrets);
        return tree;
    }

    /** A configuration object holding these bounds. */
    static FindingsConfig of(FindingBounds bounds) {
        FindingsConfig config = new FindingsConfig();
        config.setCritical(bound(bounds, "critical"));
        config.setHigh(bound(bounds, "high"));
        config.setMedium(bound(bounds, "medium"));
        config.setLow(bound(bounds, "low"));
        config.setSecrets(bound(bounds, "secrets"));
        return config;
    }

    private static Long bound(FindingBounds bounds, String name) {
        OptionalLong value = bounds.get(name);
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static void put(Map<String, Object> tree, String name, Long value) {
        if (value != null) {
            if (!FindingBounds.NAMES.contains(name)) {
                throw new IllegalStateException("not a findings bound: " + name);
            }
            tree.put(name, value);
        }
    }

    /** The findings part of an environment's form. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<FindingsConfig> {

        @Override
        public String getDisplayName() {
            return Messages.FINDINGS_DISPLAY_NAME.format();
        }

        @POST
        public FormValidation doCheckCritical(@QueryParameter String value) {
            return check("critical", value);
        }

        @POST
        public FormValidation doCheckHigh(@QueryParameter String value) {
            return check("high", value);
        }

        @POST
        public FormValidation doCheckMedium(@QueryParameter String value) {
            return check("medium", value);
        }

        @POST
        public FormValidation doCheckLow(@QueryParameter String value) {
            return check("low", value);
        }

        @POST
        public FormValidation doCheckSecrets(@QueryParameter String value) {
            return check("secrets", value);
        }

        private FormValidation check(String bound, String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkFindingsBound(bound, value));
        }
    }
}
