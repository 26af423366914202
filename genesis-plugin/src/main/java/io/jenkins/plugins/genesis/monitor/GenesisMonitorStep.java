package io.jenkins.plugins.genesis.monitor;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.Durations;
import io.genesis.core.watch.WatchTuning;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.Optional;
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
 * {@code genesisMonitor}: watches the version that runs in an environment (the last rollout there
 * that succeeded) for the environment's post-deploy window, in the controller's engine, rolling it
 * back on a critical incident. By default it registers the watch and returns at once: the build ends
 * and the watch goes on, holding no executor, across controller restarts. With {@code wait: true}, or
 * {@code for:} shorter than the window, it waits without a thread, and fails the stage when the
 * version was rolled back.
 *
 * <pre>
 * genesisMonitor application: 'shop', environment: 'production'
 * def watched = genesisMonitor application: 'shop', environment: 'production', for: '30m'
 * </pre>
 *
 * <p>{@link MonitorTranslation} makes the engine's request, under core's {@link WatchTuning} rules.
 */
public final class GenesisMonitorStep extends Step {

    private final String application;
    private final String environment;
    private String watch = "";
    private String forDuration = "";
    private boolean waitForVerdict;
    private String sampleInterval = "";
    private String onInconclusive = "";
    private String probeUrl = "";

    /** A watch of what runs of {@code application} in {@code environment}, under that environment's rules. */
    @DataBoundConstructor
    public GenesisMonitorStep(String application, String environment) {
        this.application = clean(application);
        this.environment = clean(environment);
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    /** How long to watch, such as {@code 72h}: the environment's window unless longer. */
    public String getWatch() {
        return watch;
    }

    @DataBoundSetter
    public void setWatch(String watch) {
        this.watch = clean(watch);
    }

    /** How long the step waits, such as {@code 30m}; the watch goes on afterwards. */
    public String getFor() {
        return forDuration;
    }

    @DataBoundSetter
    public void setFor(String value) {
        this.forDuration = clean(value);
    }

    /** Whether the step waits for the verdict. */
    public boolean isWait() {
        return waitForVerdict;
    }

    @DataBoundSetter
    public void setWait(boolean value) {
        this.waitForVerdict = value;
    }

    /** How often to sample, such as {@code 1m}; by default the deploying rollout's. */
    public String getSampleInterval() {
        return sampleInterval;
    }

    @DataBoundSetter
    public void setSampleInterval(String sampleInterval) {
        this.sampleInterval = clean(sampleInterval);
    }

    /** What a sample without data does: pause, fail or roll-back; by default the deploying rollout's. */
    public String getOnInconclusive() {
        return onInconclusive;
    }

    @DataBoundSetter
    public void setOnInconclusive(String onInconclusive) {
        this.onInconclusive = clean(onInconclusive);
    }

    /** An HTTP address to probe at each sample, instead of the deploying rollout's metric source. */
    public String getProbeUrl() {
        return probeUrl;
    }

    @DataBoundSetter
    public void setProbeUrl(String probeUrl) {
        this.probeUrl = clean(probeUrl);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new MonitorExecution(context, this);
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    /** The step's name, context and form. */
    @Extension
    @Symbol("genesisMonitor")
    public static final class DescriptorImpl extends StepDescriptor {

        /** Loads Genesis' permissions with the step, so that the permission matrix lists them from the start. */
        public DescriptorImpl() {
            GenesisPermissions.register();
        }

        @Override
        public String getFunctionName() {
            return "genesisMonitor";
        }

        @Override
        public String getDisplayName() {
            return Messages.MONITOR_DISPLAY_NAME.format();
        }

        /** The build, its console and the step's node: no workspace, so the step holds no executor. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public FormValidation doCheckApplication(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return answer(problem(() -> new DeploymentKey(value == null ? "" : value.trim(), "production")));
        }

        @POST
        public FormValidation doCheckFor(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            GenesisMonitorStep step = new GenesisMonitorStep("shop", "production");
            step.setFor(value);
            return answer(problem(() -> MonitorTranslation.waitFor(step)));
        }

        @POST
        public FormValidation doCheckSampleInterval(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return answer(
                    value == null || value.isBlank()
                            ? Optional.empty()
                            : problem(() -> Durations.parse("sampleInterval", value)));
        }

        private static Optional<String> problem(Runnable check) {
            try {
                check.run();
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }

        private static FormValidation answer(Optional<String> problem) {
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
