package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.Optional;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One environment as an administrator sets it up, on the global configuration page or with
 * Configuration as Code. Jenkins stores it with XStream, so it holds plain fields only; the
 * engine's {@link io.genesis.core.policy.Environment} is built from it by
 * {@link EnvironmentTranslation}. Lists of people and patterns are kept as text, separated by
 * commas or white space, the way people type them into a form.
 *
 * <p>A new environment lets nothing through until it is configured: every test must pass, no
 * branch or tag may deploy.
 */
public final class EnvironmentConfig implements Describable<EnvironmentConfig> {

    static final double STRICTEST_PASS_RATE = 100;

    private final String name;
    private double minPassRate = STRICTEST_PASS_RATE;
    private double minCoverage;
    private String approvers = "";
    private String approverGroups = "";
    private int waitTimerMinutes;
    private String allowedBranches = "";
    private String allowedTags = "";
    private boolean approvalRequired;

    /** An environment called {@code name}; the engine checks the name when the policy is built. */
    @DataBoundConstructor
    public EnvironmentConfig(String name) {
        this.name = clean(name);
    }

    public String getName() {
        return name;
    }

    /** The lowest test pass rate, in percent, a build needs to deploy here. */
    public double getMinPassRate() {
        return minPassRate;
    }

    @DataBoundSetter
    public void setMinPassRate(double minPassRate) {
        this.minPassRate = minPassRate;
    }

    /** The lowest line coverage, in percent, a build needs to deploy here. */
    public double getMinCoverage() {
        return minCoverage;
    }

    @DataBoundSetter
    public void setMinCoverage(double minCoverage) {
        this.minCoverage = minCoverage;
    }

    /** User ids who may approve a rollout here. */
    public String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(String approvers) {
        this.approvers = clean(approvers);
    }

    /** Groups whose members may approve a rollout here. */
    public String getApproverGroups() {
        return approverGroups;
    }

    @DataBoundSetter
    public void setApproverGroups(String approverGroups) {
        this.approverGroups = clean(approverGroups);
    }

    /** Minutes after an approval request before anyone may approve it. */
    public int getWaitTimerMinutes() {
        return waitTimerMinutes;
    }

    @DataBoundSetter
    public void setWaitTimerMinutes(int waitTimerMinutes) {
        this.waitTimerMinutes = waitTimerMinutes;
    }

    /** Glob patterns of the branches that may deploy here. */
    public String getAllowedBranches() {
        return allowedBranches;
    }

    @DataBoundSetter
    public void setAllowedBranches(String allowedBranches) {
        this.allowedBranches = clean(allowedBranches);
    }

    /** Glob patterns of the tags that may deploy here. */
    public String getAllowedTags() {
        return allowedTags;
    }

    @DataBoundSetter
    public void setAllowedTags(String allowedTags) {
        this.allowedTags = clean(allowedTags);
    }

    /** Whether a person must approve each rollout here. */
    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    @DataBoundSetter
    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    /** The form of one environment inside the global configuration. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<EnvironmentConfig> {

        @Override
        public String getDisplayName() {
            return Messages.ENVIRONMENT_DISPLAY_NAME.format();
        }

        /** Checks a name as the engine will; uniqueness is checked when the page is saved. */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return answer(EnvironmentValidation.checkName(value));
        }

        @POST
        public FormValidation doCheckMinPassRate(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return answer(EnvironmentValidation.checkPercentage("minPassRate", value));
        }

        @POST
        public FormValidation doCheckMinCoverage(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return answer(EnvironmentValidation.checkPercentage("minCoverage", value));
        }

        @POST
        public FormValidation doCheckWaitTimerMinutes(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return answer(EnvironmentValidation.checkWaitTimer(value));
        }

        private static FormValidation answer(Optional<String> problem) {
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
