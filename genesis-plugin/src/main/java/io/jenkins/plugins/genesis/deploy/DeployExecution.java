package io.jenkins.plugins.genesis.deploy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.Permission;
import io.genesis.core.policy.Environment;
import io.genesis.core.promotion.PromotionRefusedException;
import io.genesis.core.rollout.RolloutRequest;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.JenkinsFacade;
import io.jenkins.plugins.genesis.approval.WaitsForRollout;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
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
                    GenesisConfiguration.get().metricSource(environment.name()));
        } catch (IllegalArgumentException | PromotionRefusedException e) {
            throw new AbortException(Messages.DEPLOY_USAGE_PROBLEM.format(e.getMessage()));
        }
        rolloutId = RolloutCalls.deploy(host, idempotencyKey, request, sink());
        return false;
    }

    @Override
    public void onResume() {
        try {
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
