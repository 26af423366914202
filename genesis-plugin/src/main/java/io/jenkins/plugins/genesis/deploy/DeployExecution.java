package io.jenkins.plugins.genesis.deploy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.policy.Environment;
import io.genesis.core.promotion.FreezeCheck;
import io.genesis.core.promotion.PromotionRefusedException;
import io.genesis.core.rollout.RolloutRequest;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.approval.WaitsForRollout;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * One {@code genesisDeploy} call, waiting for its rollout without a thread. Jenkins saves it with the
 * build, so it holds only the rollout's id and its idempotency key (the build's id and the step's
 * node); the engine's store holds the rest. {@link RolloutCalls} does the work.
 */
final class DeployExecution extends StepExecution implements WaitsForRollout {

    private static final long serialVersionUID = 1L;

    private String idempotencyKey;
    private String rolloutId;
    private final transient GenesisDeployStep step;
    private transient volatile Throwable stopCause;

    DeployExecution(StepContext context, GenesisDeployStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FlowNode node = context.get(FlowNode.class);
        idempotencyKey = idempotencyKey(run, node);
        String account = checkPermitted(run, GenesisPermissions.DEPLOY);
        if (step.isForce()) {
            checkPermitted(run, GenesisPermissions.FORCE);
        }
        RolloutHost host = DeployEngine.host();
        // A damaged lease, gate record or notification in the controller's directory: said where the user looks.
        UnreadableFilesReport.of(host.directory())
                .tell("genesisDeploy", context.get(TaskListener.class).getLogger());
        RolloutRequest request;
        try {
            if (step.getTarget() == null) {
                throw new IllegalArgumentException(Messages.TARGET_REQUIRED.format());
            }
            Environment environment = GenesisConfiguration.get().toPolicy().named(step.getEnvironment());
            request = DeployTranslation.request(
                    step,
                    environment,
                    step.getTarget().spec(run),
                    facts(context, run, account),
                    host.promotion(),
                    GenesisConfiguration.get().metricSource(environment.name()),
                    new DeployTranslation.Freeze(
                            new FreezeCheck(host.clock()),
                            GenesisConfiguration.get().freeze(environment.name())));
            if (context.hasBody()) {
                request = request.withHook(Hook.hosted(step.bodyPhase(), PipelineBodies.BODY, null));
            }
        } catch (IllegalArgumentException | PromotionRefusedException e) {
            throw new AbortException(Messages.DEPLOY_USAGE_PROBLEM.format(e.getMessage()));
        }
        rolloutId = RolloutCalls.deploy(host, idempotencyKey, request, sink());
        if (context.hasBody()) {
            host.bodies().waiting(rolloutId, this::startBody);
        }
        return false;
    }

    /**
     * Starts this step's body as the rollout's pre-traffic hook, with the candidate's address and the
     * rollout's values as {@code GENESIS_*} variables; the body's end is the hook's end. The body asks for
     * an agent itself ({@code node { ... }}), so this step still holds none.
     */
    private Runnable startBody(HookContext hook) {
        StepContext context = getContext();
        BodyExecution body;
        try {
            EnvironmentExpander variables = EnvironmentExpander.merge(
                    context.get(EnvironmentExpander.class), EnvironmentExpander.constant(hook.variables()));
            body = context.newBodyInvoker()
                    .withContext(variables)
                    .withCallback(new BodyEnded(hook.rolloutId()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("the environment of the body could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the body", e);
        }
        return () -> body.cancel(new AbortException(
                "the " + hook.phase().key() + " hook was stopped: its time ran out, or the rollout ended first"));
    }

    /** Tells the engine how the body ended; the step itself goes on waiting for its rollout. */
    private static final class BodyEnded extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        private final String rolloutId;

        BodyEnded(String rolloutId) {
            this.rolloutId = rolloutId;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            ended(null);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            ended(t);
        }

        private void ended(Throwable failure) {
            try {
                DeployEngine.host().bodies().ended(rolloutId, failure);
            } catch (AbortException e) {
                // The engine has stopped with Jenkins: it finds the hook's run lost when it starts again.
            }
        }
    }

    @Override
    public void onResume() {
        try {
            if (rolloutId != null && getContext().hasBody()) {
                // A rollout that reaches its pre-traffic hook after the restart still gets this body.
                DeployEngine.host().bodies().waiting(rolloutId, this::startBody);
            }
            RolloutCalls.resumeDeploy(DeployEngine.host(), idempotencyKey, rolloutId, sink());
        } catch (AbortException e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        if (rolloutId == null) {
            getContext().onFailure(cause);
            return;
        }
        RolloutCalls.stopDeploy(
                DeployEngine.host(),
                rolloutId,
                "the build was aborted: " + cause.getMessage(),
                JenkinsFacade.currentUserName(),
                sink());
    }

    /** The rollout this step waits for, so that its approval's pause lands on this step's node. */
    @Override
    public String getRolloutId() {
        return rolloutId;
    }

    @Override
    public String getStatus() {
        return DeployEngine.status(rolloutId);
    }

    private StepSink sink() {
        return new ContextSink(getContext(), () -> stopCause);
    }

    /** The build's id and the step's node: what makes a second start of this very call find the first. */
    static String idempotencyKey(Run<?, ?> run, FlowNode node) {
        return run.getExternalizableId() + "#node:" + node.getId();
    }

    /**
     * The name of the build's identity when it has {@code permission} on the job. A step's start runs
     * on the Pipeline's thread as the build's authentication, so this is the build's check, not that
     * of whoever edited the script.
     */
    static String checkPermitted(Run<?, ?> run, Permission permission) throws AbortException {
        String identity = JenkinsFacade.currentUserName();
        Job<?, ?> job = run.getParent();
        if (!job.hasPermission(permission)) {
            throw new AbortException(Messages.NOT_PERMITTED.format(identity, permission.name, job.getFullName()));
        }
        return identity;
    }

    /** Who started the build (a user who pressed Build), else its identity, and the SCM's variables. */
    private static BuildFacts facts(StepContext context, Run<?, ?> run, String account) throws Exception {
        Cause.UserIdCause byUser = run.getCause(Cause.UserIdCause.class);
        String initiator = byUser != null && byUser.getUserId() != null ? byUser.getUserId() : account;
        EnvVars environment = context.get(EnvVars.class);
        return new BuildFacts(
                run.getExternalizableId(), initiator, account, environment == null ? Map.of() : environment);
    }
}
