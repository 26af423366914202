package io.jenkins.plugins.genesis.monitor;

import hudson.AbortException;
import hudson.model.Cause;
import hudson.model.Run;
import io.genesis.core.policy.Environment;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchState;
import io.jenkins.plugins.genesis.GenesisPermissions;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import io.jenkins.plugins.genesis.deploy.DeployEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * One {@code genesisMonitor} call. Jenkins saves it with the build, so it holds only the watch's id,
 * its idempotency key (the build's id and the step's node) and when it stops waiting; the engine's
 * store holds the rest. It returns at once unless asked to wait; then it waits without a thread, as
 * the deploy step does, and {@link #onResume} waits again after a restart. {@link MonitorCalls} does
 * the work.
 */
final class MonitorExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private String idempotencyKey;
    private String watchId;
    /**
     * When the step stops waiting (its {@code for:}), in epoch milliseconds; -1 to wait for the verdict.
     * Volatile: written by {@code start()} and read by {@code onResume()}, possibly on other threads.
     */
    private volatile long releaseAtMillis = -1;

    private final transient GenesisMonitorStep step;
    private transient volatile Throwable stopCause;

    MonitorExecution(StepContext context, GenesisMonitorStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FlowNode node = context.get(FlowNode.class);
        idempotencyKey = DeployEngine.idempotencyKey(run, node);
        String account = DeployEngine.checkPermitted(run, GenesisPermissions.DEPLOY);
        MonitorHost host = MonitorEngine.host();
        WatchId id;
        Optional<Duration> waitFor;
        try {
            Environment environment = GenesisConfiguration.get().toPolicy().named(step.getEnvironment());
            waitFor = MonitorTranslation.waitFor(step);
            id = MonitorCalls.start(
                    host,
                    idempotencyKey,
                    step,
                    environment,
                    MonitorEngine.sources(),
                    run.getExternalizableId(),
                    initiator(run, account));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.MONITOR_USAGE_PROBLEM.format(e.getMessage()));
        }
        watchId = id.value();
        WatchState state = host.view(id).orElseThrow();
        WatchAction.show(run, state);
        if (!step.isWait() && waitFor.isEmpty()) {
            MonitorCalls.returnAtOnce(host, id, sink());
            return true;
        }
        Instant release =
                MonitorCalls.releaseAt(waitFor, state, host.rollouts().clock().instant());
        releaseAtMillis = release == null ? -1 : release.toEpochMilli();
        MonitorCalls.await(host, id, release, sink());
        return false;
    }

    @Override
    public void onResume() {
        try {
            WatchId id = watchId != null ? WatchId.of(watchId) : MonitorHost.idFor(idempotencyKey);
            MonitorCalls.await(
                    MonitorEngine.host(),
                    id,
                    releaseAtMillis < 0 ? null : Instant.ofEpochMilli(releaseAtMillis),
                    sink());
        } catch (AbortException e) {
            getContext().onFailure(e);
        }
    }

    /** The build was aborted: the step stops waiting; the watch goes on in the background, and can still roll back. */
    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        if (watchId != null) {
            MonitorEngine.host().detach(WatchId.of(watchId));
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        try {
            return MonitorCalls.status(MonitorEngine.host(), watchId == null ? null : WatchId.of(watchId));
        } catch (AbortException e) {
            return e.getMessage();
        }
    }

    private WatchSink sink() {
        return new ContextWatchSink(getContext(), () -> stopCause);
    }

    /** Who started the build (a user who pressed Build), else its identity. */
    private static String initiator(Run<?, ?> run, String account) {
        Cause.UserIdCause byUser = run.getCause(Cause.UserIdCause.class);
        return byUser != null && byUser.getUserId() != null ? byUser.getUserId() : account;
    }
}
