package io.jenkins.plugins.genesis.deploy;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.genesis.core.target.DeploymentKey;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code genesisRollback}: rolls back what this build deployed of an application to an environment
 * (the rollout in progress, or the one that succeeded while its previous version is kept), and waits
 * until traffic is on the previous version again. The actor in the record is the build's identity.
 * A build that deployed nothing there rolls nothing back and says so, so that it fits
 * {@code post { failure { genesisRollback ... } }}.
 */
public final class GenesisRollbackStep extends Step {

    private final String application;
    private final String environment;
    private final String reason;
    private boolean anyBuild;

    @DataBoundConstructor
    public GenesisRollbackStep(String application, String environment, String reason) {
        this.application = clean(application);
        this.environment = clean(environment);
        this.reason = clean(reason);
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    /** Why; it goes into the record. */
    public String getReason() {
        return reason;
    }

    /** Whether the newest rollout of any build is rolled back, not only one this build started. */
    public boolean isAnyBuild() {
        return anyBuild;
    }

    @DataBoundSetter
    public void setAnyBuild(boolean anyBuild) {
        this.anyBuild = anyBuild;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RollbackExecution(context, this);
    }

    private static String clean(String text) {
        return text == null ? "" : text.trim();
    }

    /** One {@code genesisRollback} call; holds only the id of the rollout it rolls back. */
    static final class RollbackExecution extends StepExecution {

        private static final long serialVersionUID = 1L;

        private String rolloutId;
        private final transient GenesisRollbackStep step;

        RollbackExecution(StepContext context, GenesisRollbackStep step) {
            super(context);
            this.step = step;
        }

        @Override
        public boolean start() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            String by = DeployExecution.checkPermitted(run, GenesisPermissions.ROLLBACK);
            DeploymentKey key;
            try {
                key = new DeploymentKey(step.application, step.environment);
                if (step.reason.isEmpty()) {
                    throw new IllegalArgumentException("reason is required: say why; it goes into the record");
                }
            } catch (IllegalArgumentException e) {
                throw new AbortException(Messages.ROLLBACK_USAGE_PROBLEM.format(e.getMessage()));
            }
            RolloutHost host = DeployEngine.host();
            Optional<String> target =
                    RolloutCalls.rollbackTarget(host, key, step.anyBuild ? null : run.getExternalizableId());
            StepSink sink = new ContextSink(context, () -> null);
            if (target.isEmpty()) {
                String nothing = Messages.NOTHING_TO_ROLL_BACK.format(key.application(), key.environment());
                sink.say(StepWatchers.PREFIX + nothing);
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("status", "NOTHING");
                value.put("reason", nothing);
                context.onSuccess(value);
                return true;
            }
            rolloutId = target.get();
            RolloutCalls.rollback(host, rolloutId, step.reason, by, sink);
            return false;
        }

        @Override
        public void onResume() {
            try {
                RolloutCalls.resumeRollback(DeployEngine.host(), rolloutId, new ContextSink(getContext(), () -> null));
            } catch (AbortException e) {
                getContext().onFailure(e);
            }
        }

        @Override
        public String getStatus() {
            try {
                return RolloutCalls.status(DeployEngine.host(), rolloutId);
            } catch (AbortException e) {
                return e.getMessage();
            }
        }
    }

    /** The step's name, context and form. */
    @Extension
    @Symbol("genesisRollback")
    public static final class DescriptorImpl extends StepDescriptor {

        public DescriptorImpl() {
            GenesisPermissions.register();
        }

        @Override
        public String getFunctionName() {
            return "genesisRollback";
        }

        @Override
        public String getDisplayName() {
            return Messages.ROLLBACK_DISPLAY_NAME.format();
        }

        /** The build, its console and the step's node: no workspace, so the step holds no executor. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public FormValidation doCheckApplication(@AncestorInPath Item item, @QueryParameter String value) {
            JenkinsFacade.checkConfigure(item, getRequiredGlobalConfigPagePermission());
            return DeployValidation.answer(DeployValidation.checkApplication(value));
        }
    }
}
