package io.jenkins.plugins.genesis.deploy;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.rollout.RolloutTuning;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.io.File;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code genesisDeploy}: rolls one version of an application out to an environment through the
 * controller's engine, and waits, holding no executor, until the rollout has ended. Returns the
 * record to the script on success, fails the stage when the rollout was rolled back or failed,
 * and aborts the build when it was aborted (a rejected or timed-out approval).
 *
 * <pre>
 * def deployed = genesisDeploy application: 'shop', environment: 'production',
 *                              strategy: 'canary', image: 'registry.example.com/shop:1.4.0',
 *                              target: kubernetes(namespace: 'shop', deployment: 'shop', credentialsId: 'prod-kube')
 * echo "restored in ${deployed.timeToRestore}"
 * </pre>
 *
 * <p>Its tuning options are the command line's ({@code genesis deploy --shifts …}); core's
 * {@code RolloutTuning} reads both. {@link DeployTranslation} makes the engine's request.
 */
public final class GenesisDeployStep extends Step {

    private final String application;
    private final String environment;
    private DeployTarget target;
    private String strategy = "";
    private String version = "";
    private String image = "";
    private String commit = "";
    private String ref = "";
    private String steps = "";
    private String shifts = "";
    private String keepPrevious = "";
    private String maxSurge = "";
    private String maxUnavailable = "";
    private String sampleInterval = "";
    private String onInconclusive = "";
    private String probeUrl = "";
    private boolean force;
    private String reason = "";
    private String healthTimeout = "";
    private String hookPhase = "";
    private String commitTime = "";

    /** A rollout of {@code application} to {@code environment}, under that environment's rules. */
    @DataBoundConstructor
    public GenesisDeployStep(String application, String environment) {
        this.application = clean(application);
        this.environment = clean(environment);
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    /** Where to deploy, such as {@code kubernetes(...)}. */
    public DeployTarget getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(DeployTarget target) {
        this.target = target;
    }

    /** blueGreen (the default), canary, rolling, or custom with {@code steps}. */
    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = clean(strategy);
    }

    /** The version people see; by default the image's tag, else one made of the ref and commit. */
    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = clean(version);
    }

    /** The container image to run, such as {@code registry.example.com/shop:1.4.0}. */
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = clean(image);
    }

    /** The commit deployed; by default the build's {@code GIT_COMMIT}. */
    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = clean(commit);
    }

    /** The branch the build came from, where the build does not know it ({@code BRANCH_NAME}, {@code GIT_BRANCH}). */
    public String getRef() {
        return ref;
    }

    @DataBoundSetter
    public void setRef(String ref) {
        this.ref = clean(ref);
    }

    /** A custom plan, such as {@code deploy; smoke; weight 20; analyse 30s; weight 100; promote; scaleDown}. */
    public String getSteps() {
        return steps;
    }

    @DataBoundSetter
    public void setSteps(String steps) {
        this.steps = clean(steps);
    }

    /** blueGreen or canary traffic shifts, weight:window, such as {@code 10:30s, 50:30s, 100:1m}. */
    public String getShifts() {
        return shifts;
    }

    @DataBoundSetter
    public void setShifts(String shifts) {
        this.shifts = clean(shifts);
    }

    /** How long blueGreen keeps the previous version for an instant rollback, such as {@code 24h}. */
    public String getKeepPrevious() {
        return keepPrevious;
    }

    @DataBoundSetter
    public void setKeepPrevious(String keepPrevious) {
        this.keepPrevious = clean(keepPrevious);
    }

    /** rolling: instances above the desired count a batch may add, in percent. */
    public String getMaxSurge() {
        return maxSurge;
    }

    @DataBoundSetter
    public void setMaxSurge(String maxSurge) {
        this.maxSurge = clean(maxSurge);
    }

    /** rolling: instances that may be unavailable during a batch, in percent. */
    public String getMaxUnavailable() {
        return maxUnavailable;
    }

    @DataBoundSetter
    public void setMaxUnavailable(String maxUnavailable) {
        this.maxUnavailable = clean(maxUnavailable);
    }

    /** How often analysis samples the metrics, such as {@code 30s}. */
    public String getSampleInterval() {
        return sampleInterval;
    }

    @DataBoundSetter
    public void setSampleInterval(String sampleInterval) {
        this.sampleInterval = clean(sampleInterval);
    }

    /** What a sample without data does: pause, fail or roll-back. */
    public String getOnInconclusive() {
        return onInconclusive;
    }

    @DataBoundSetter
    public void setOnInconclusive(String onInconclusive) {
        this.onInconclusive = clean(onInconclusive);
    }

    /** Whether the promotion path is bypassed (needs Genesis/Force and a {@link #getReason() reason}). */
    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    /** Why the promotion path is bypassed; recorded with the deployment. */
    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = clean(reason);
    }

    /** An HTTP address the analysis probes, such as the preview Service's health endpoint. */
    public String getProbeUrl() {
        return probeUrl;
    }

    @DataBoundSetter
    public void setProbeUrl(String probeUrl) {
        this.probeUrl = clean(probeUrl);
    }

    /**
     * How long the candidate may take to be healthy (and weights and promotion to take effect), such as
     * {@code 5m}; at most the environment's health deadline, which applies when this is empty.
     */
    public String getHealthTimeout() {
        return healthTimeout;
    }

    @DataBoundSetter
    public void setHealthTimeout(String healthTimeout) {
        this.healthTimeout = clean(healthTimeout);
    }

    /** When the step's block runs: {@code preTraffic} (empty: the default), {@code beforeDeploy}, and so on. */
    public String getHookPhase() {
        return hookPhase;
    }

    @DataBoundSetter
    public void setHookPhase(String hookPhase) {
        this.hookPhase = clean(hookPhase);
    }

    /**
     * When the commit was made, ISO-8601 with its offset, such as {@code 2026-12-07T06:00:00+01:00} (what
     * {@code git show -s --format=%cI HEAD} prints): where the record's DORA lead time starts. Empty: not known.
     */
    public String getCommitTime() {
        return commitTime;
    }

    @DataBoundSetter
    public void setCommitTime(String commitTime) {
        this.commitTime = clean(commitTime);
    }

    /** The phase the step's block runs at, checked: {@code preTraffic} unless {@link #getHookPhase} says. */
    HookPhase bodyPhase() {
        return hookPhase.isEmpty() ? HookPhase.PRE_TRAFFIC : HookPhase.parse("hookPhase", hookPhase);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new DeployExecution(context, this);
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    /** The step's name, context and form. */
    @Extension
    @Symbol("genesisDeploy")
    public static final class DescriptorImpl extends StepDescriptor {

        /** Loads Genesis' permissions with the step, so that the permission matrix lists them from the start. */
        public DescriptorImpl() {
            GenesisPermissions.register();
        }

        @Override
        public String getFunctionName() {
            return "genesisDeploy";
        }

        @Override
        public String getDisplayName() {
            return Messages.DEPLOY_DISPLAY_NAME.format();
        }

        /**
         * A block is optional: {@code genesisDeploy(...) { node { sh '...' } }} runs it as the rollout's
         * pre-traffic hook, on the candidate before any traffic, with {@code GENESIS_PREVIEW_URL} set.
         */
        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        /** The build, its console and the step's node: no workspace, so the step holds no executor. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        /**
         * {@code JENKINS_HOME}, the folder of this descriptor's own configuration file: read here so
         * that the plugin never reaches for the {@code Jenkins} singleton.
         */
        File jenkinsHome() {
            return getConfigFile().getFile().getParentFile();
        }

        @POST
        public FormValidation doCheckHookPhase(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(DeployValidation.checkHookPhase(value));
        }

        @POST
        public FormValidation doCheckCommitTime(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(DeployValidation.checkCommitTime(value));
        }

        @POST
        public FormValidation doCheckApplication(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(DeployValidation.checkApplication(value));
        }

        @POST
        public FormValidation doCheckStrategy(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(
                    DeployValidation.checkTuning(new RolloutTuning(value, null, null, null, null, null, null, null)));
        }

        @POST
        public FormValidation doCheckShifts(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String strategy) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(DeployValidation.checkTuning(
                    new RolloutTuning(strategy, null, value, null, null, null, null, null)));
        }

        @POST
        public FormValidation doCheckSteps(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(
                    DeployValidation.checkTuning(new RolloutTuning(null, value, null, null, null, null, null, null)));
        }
    }
}
