package io.jenkins.plugins.genesis.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.genesis.core.policy.FindingBounds;
import io.genesis.core.policy.PolicyKey;
import io.genesis.core.policy.PromotionPath;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.deploy.DeployTarget;
import io.jenkins.plugins.genesis.metrics.MetricSourceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One environment as an administrator sets it up, on the global configuration page or with
 * Configuration as Code, in the keys and types of the one policy schema (docs/configuration.md):
 * numbers are numbers, lists are lists. Jenkins stores it with XStream, so it holds plain fields
 * only; a value that is not set is {@code null} and takes the engine's default. The engine's
 * {@link io.genesis.core.policy.EnvironmentBinder} reads {@link #toTree()}; no rule lives here.
 */
public final class EnvironmentConfig implements Describable<EnvironmentConfig> {

    private final String name;
    private Double minPassRate;
    private Double minCoverage;
    private Double maxCoverageDrop;
    private Boolean allowLoosening;
    private CriticalityConfig criticality;
    private FindingsConfig findings;
    private Boolean approvalRequired;
    private List<String> approvers;
    private List<String> approverGroups;
    private Integer waitTimerMinutes;
    private Boolean preventSelfApproval;
    private List<String> allowedBranches;
    private List<String> allowedTags;
    private Boolean allowForce;
    private Boolean protectedEnvironment;
    private DeployTarget target;
    private Integer healthDeadlineMinutes;
    private Integer watchHours;
    private List<String> requiresPassed;
    private Integer minSoakMinutes;
    private Boolean requiresGate;
    private Boolean requiresHealthyWatch;
    private MetricSourceConfig metrics;
    private List<NotificationTargetConfig> notify;
    private WatchThresholdsConfig watchThresholds;
    private RetentionConfig retention;
    private List<FreezeWindowConfig> freeze;

    /** An environment called {@code name}; the engine checks the name when the policy is built. */
    @DataBoundConstructor
    public EnvironmentConfig(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getName() {
        return name;
    }

    public Double getMinPassRate() {
        return minPassRate;
    }

    @DataBoundSetter
    public void setMinPassRate(Double minPassRate) {
        this.minPassRate = minPassRate;
    }

    public Double getMinCoverage() {
        return minCoverage;
    }

    @DataBoundSetter
    public void setMinCoverage(Double minCoverage) {
        this.minCoverage = minCoverage;
    }

    public Double getMaxCoverageDrop() {
        return maxCoverageDrop;
    }

    @DataBoundSetter
    public void setMaxCoverageDrop(Double maxCoverageDrop) {
        this.maxCoverageDrop = maxCoverageDrop;
    }

    public Boolean getAllowLoosening() {
        return allowLoosening;
    }

    @DataBoundSetter
    public void setAllowLoosening(Boolean allowLoosening) {
        this.allowLoosening = allowLoosening;
    }

    public CriticalityConfig getCriticality() {
        return criticality;
    }

    @DataBoundSetter
    public void setCriticality(CriticalityConfig criticality) {
        this.criticality = criticality;
    }

    /**
     * The findings bounds as set; when none were ever set, the engine's defaults for this name
     * (production and staging have some), so that the form shows the bounds in force and saving it
     * keeps them rather than lifting them.
     */
    public FindingsConfig getFindings() {
        if (findings != null || name == null) {
            return findings;
        }
        FindingBounds defaults = FindingBounds.defaultFor(name);
        return defaults.isEmpty() ? null : FindingsConfig.of(defaults);
    }

    @DataBoundSetter
    public void setFindings(FindingsConfig findings) {
        this.findings = findings;
    }

    public Boolean getApprovalRequired() {
        return approvalRequired;
    }

    @DataBoundSetter
    public void setApprovalRequired(Boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    public List<String> getApprovers() {
        return copy(approvers);
    }

    @DataBoundSetter
    public void setApprovers(List<String> approvers) {
        this.approvers = copy(approvers);
    }

    public List<String> getApproverGroups() {
        return copy(approverGroups);
    }

    @DataBoundSetter
    public void setApproverGroups(List<String> approverGroups) {
        this.approverGroups = copy(approverGroups);
    }

    public Integer getWaitTimerMinutes() {
        return waitTimerMinutes;
    }

    @DataBoundSetter
    public void setWaitTimerMinutes(Integer waitTimerMinutes) {
        this.waitTimerMinutes = waitTimerMinutes;
    }

    public Boolean getPreventSelfApproval() {
        return preventSelfApproval;
    }

    @DataBoundSetter
    public void setPreventSelfApproval(Boolean preventSelfApproval) {
        this.preventSelfApproval = preventSelfApproval;
    }

    public List<String> getAllowedBranches() {
        return copy(allowedBranches);
    }

    @DataBoundSetter
    public void setAllowedBranches(List<String> allowedBranches) {
        this.allowedBranches = copy(allowedBranches);
    }

    public List<String> getAllowedTags() {
        return copy(allowedTags);
    }

    @DataBoundSetter
    public void setAllowedTags(List<String> allowedTags) {
        this.allowedTags = copy(allowedTags);
    }

    public Boolean getAllowForce() {
        return allowForce;
    }

    @DataBoundSetter
    public void setAllowForce(Boolean allowForce) {
        this.allowForce = allowForce;
    }

    /** The schema's {@code protected} key (a Java keyword, hence the field's longer name). */
    public Boolean getProtected() {
        return protectedEnvironment;
    }

    @DataBoundSetter
    public void setProtected(Boolean protectedEnvironment) {
        this.protectedEnvironment = protectedEnvironment;
    }

    /**
     * Where this environment deploys, as an administrator sets it: for a protected environment the
     * only source of the connection (credentials, server, cloud); for the others, defaults that a
     * Jenkinsfile's target may override (the engine's {@link io.genesis.core.policy.TargetTrust}).
     */
    public DeployTarget getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(DeployTarget target) {
        this.target = target;
    }

    /** How long a candidate may take to be healthy here, in whole minutes; {@code null}: the engine's 10. */
    public Integer getHealthDeadlineMinutes() {
        return healthDeadlineMinutes;
    }

    @DataBoundSetter
    public void setHealthDeadlineMinutes(Integer healthDeadlineMinutes) {
        this.healthDeadlineMinutes = healthDeadlineMinutes;
    }

    /** Hours a successful rollout is watched afterwards; {@code null}: the default for the name (48 for production). */
    public Integer getWatchHours() {
        return watchHours;
    }

    @DataBoundSetter
    public void setWatchHours(Integer watchHours) {
        this.watchHours = watchHours;
    }

    /**
     * The environments a version must have succeeded in first, as set; when never set, the engine's
     * default for this name ({@code [staging]} for production), so that the form shows the path in
     * force and saving it keeps the path rather than dropping it.
     */
    public List<String> getRequiresPassed() {
        if (requiresPassed != null || name == null) {
            return copy(requiresPassed);
        }
        return copy(PromotionPath.defaultFor(name).requiresPassed());
    }

    @DataBoundSetter
    public void setRequiresPassed(List<String> requiresPassed) {
        this.requiresPassed = copy(requiresPassed);
    }

    /** Minutes each of those deployments must have run since it ended; {@code null}: none. */
    public Integer getMinSoakMinutes() {
        return minSoakMinutes;
    }

    @DataBoundSetter
    public void setMinSoakMinutes(Integer minSoakMinutes) {
        this.minSoakMinutes = minSoakMinutes;
    }

    /** Whether the commit deployed needs a passing gate recorded against this environment's bar; {@code null}: no. */
    public Boolean getRequiresGate() {
        return requiresGate;
    }

    @DataBoundSetter
    public void setRequiresGate(Boolean requiresGate) {
        this.requiresGate = requiresGate;
    }

    /** Whether the version's watch must have ended healthy in each environment it needs first; {@code null}: no. */
    public Boolean getRequiresHealthyWatch() {
        return requiresHealthyWatch;
    }

    @DataBoundSetter
    public void setRequiresHealthyWatch(Boolean requiresHealthyWatch) {
        this.requiresHealthyWatch = requiresHealthyWatch;
    }

    /**
     * Where analysis and the watch measure this environment when a deploy names no source
     * ({@code metrics:}): {@code prometheus(...)}, {@code scrape(...)}, {@code web(...)} or {@code probe(...)}.
     */
    public MetricSourceConfig getMetrics() {
        return metrics;
    }

    @DataBoundSetter
    public void setMetrics(MetricSourceConfig metrics) {
        this.metrics = metrics;
    }

    /** When deploys to this environment stop ({@code freeze:}); {@code null} when never. */
    public List<FreezeWindowConfig> getFreeze() {
        return freeze == null ? null : new ArrayList<>(freeze);
    }

    @DataBoundSetter
    public void setFreeze(List<FreezeWindowConfig> freeze) {
        this.freeze = freeze == null || freeze.isEmpty() ? null : new ArrayList<>(freeze);
    }

    /** Where this environment's notifications go; {@code null} when none. */
    public List<NotificationTargetConfig> getNotify() {
        return notify == null ? null : new ArrayList<>(notify);
    }

    @DataBoundSetter
    public void setNotify(List<NotificationTargetConfig> notify) {
        this.notify = notify == null || notify.isEmpty() ? null : new ArrayList<>(notify);
    }

    /** How this environment's post-deploy watch judges a version ({@code watchThresholds:}); {@code null} when not set. */
    public WatchThresholdsConfig getWatchThresholds() {
        return watchThresholds;
    }

    @DataBoundSetter
    public void setWatchThresholds(WatchThresholdsConfig watchThresholds) {
        this.watchThresholds = watchThresholds;
    }

    /** How long this environment's deployment records are kept ({@code retention:}); {@code null} when not set. */
    public RetentionConfig getRetention() {
        return retention;
    }

    @DataBoundSetter
    public void setRetention(RetentionConfig retention) {
        this.retention = retention;
    }

    /** This environment as the plain tree the engine's binder reads: only the keys that are set. */
    Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        put(tree, PolicyKey.NAME, name);
        put(tree, PolicyKey.MIN_PASS_RATE, minPassRate);
        put(tree, PolicyKey.MIN_COVERAGE, minCoverage);
        put(tree, PolicyKey.MAX_COVERAGE_DROP, maxCoverageDrop);
        put(tree, PolicyKey.ALLOW_LOOSENING, allowLoosening);
        put(tree, PolicyKey.CRITICALITY, criticality == null ? null : criticality.toTree());
        put(tree, PolicyKey.FINDINGS, findings == null ? null : findings.toTree());
        put(tree, PolicyKey.APPROVAL_REQUIRED, approvalRequired);
        put(tree, PolicyKey.APPROVERS, approvers);
        put(tree, PolicyKey.APPROVER_GROUPS, approverGroups);
        put(tree, PolicyKey.WAIT_TIMER_MINUTES, waitTimerMinutes);
        put(tree, PolicyKey.PREVENT_SELF_APPROVAL, preventSelfApproval);
        put(tree, PolicyKey.ALLOWED_BRANCHES, allowedBranches);
        put(tree, PolicyKey.ALLOWED_TAGS, allowedTags);
        put(tree, PolicyKey.ALLOW_FORCE, allowForce);
        put(tree, PolicyKey.PROTECTED, protectedEnvironment);
        put(tree, PolicyKey.HEALTH_DEADLINE_MINUTES, healthDeadlineMinutes);
        put(tree, PolicyKey.WATCH_HOURS, watchHours);
        put(tree, PolicyKey.REQUIRES_PASSED, requiresPassed);
        put(tree, PolicyKey.MIN_SOAK_MINUTES, minSoakMinutes);
        put(tree, PolicyKey.REQUIRES_GATE, requiresGate);
        put(tree, PolicyKey.REQUIRES_HEALTHY_WATCH, requiresHealthyWatch);
        put(tree, PolicyKey.METRICS, metrics == null ? null : metrics.toTree());
        put(
                tree,
                PolicyKey.NOTIFY,
                notify == null
                        ? null
                        : notify.stream().map(NotificationTargetConfig::toTree).toList());
        put(
                tree,
                PolicyKey.FREEZE,
                freeze == null
                        ? null
                        : freeze.stream().map(FreezeWindowConfig::toTree).toList());
        put(tree, PolicyKey.WATCH_THRESHOLDS, watchThresholds == null ? null : watchThresholds.toTree());
        put(tree, PolicyKey.RETENTION, retention == null ? null : retention.toTree());
        return tree;
    }

    private static void put(Map<String, Object> tree, PolicyKey key, Object value) {
        if (value != null) {
            tree.put(key.key(), value);
        }
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /** The form of one environment inside the global configuration. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<EnvironmentConfig> {

        @Override
        public String getDisplayName() {
            return Messages.ENVIRONMENT_DISPLAY_NAME.format();
        }

        /** A list as the form shows it in one text box: entries separated by commas. */
        public String joined(List<String> entries) {
            return entries == null ? "" : String.join(", ", entries);
        }

        /** Checks a name as the engine will; uniqueness is checked when the page is saved. */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkName(value));
        }

        @POST
        public FormValidation doCheckMinPassRate(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkPercentage(PolicyKey.MIN_PASS_RATE, value));
        }

        @POST
        public FormValidation doCheckMinCoverage(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkPercentage(PolicyKey.MIN_COVERAGE, value));
        }

        @POST
        public FormValidation doCheckMaxCoverageDrop(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkPoints(PolicyKey.MAX_COVERAGE_DROP, value));
        }

        @POST
        public FormValidation doCheckWaitTimerMinutes(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkWaitTimer(value));
        }

        @POST
        public FormValidation doCheckHealthDeadlineMinutes(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkHealthDeadline(value));
        }

        @POST
        public FormValidation doCheckWatchHours(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkWatchHours(value));
        }

        @POST
        public FormValidation doCheckRequiresPassed(@QueryParameter String value, @QueryParameter String name) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkRequiresPassed(name, value));
        }

        @POST
        public FormValidation doCheckMinSoakMinutes(@QueryParameter String value) {
            JenkinsFacade.checkPermission(getRequiredGlobalConfigPagePermission());
            return FormAnswer.of(EnvironmentValidation.checkMinSoak(value));
        }
    }
}
