package io.jenkins.plugins.genesis.deploy;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.jenkins.plugins.genesis.StepConsole;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step's {@link StepSink} over its Jenkins {@link StepContext}: lines go to the build's console,
 * the record to the build page ({@link DeploymentAction}) and, after a rollback, a warning on the
 * step's node; the end completes the context. When the build was aborted ({@code stopCause}), the
 * step ends with that cause once the engine has rolled back, as Jenkins expects of a stopped step.
 */
final class ContextSink implements StepSink {

    private final StepContext context;
    private final Supplier<Throwable> stopCause;

    ContextSink(StepContext context, Supplier<Throwable> stopCause) {
        this.context = context;
        this.stopCause = stopCause;
    }

    @Override
    public void say(String line) {
        StepConsole.println(context, line);
    }

    @Override
    public void recorded(DeploymentRecord record) {
        try {
            Run<?, ?> run = context.get(Run.class);
            DeploymentAction.record(run, record);
            if (record.status() == RecordStatus.ROLLED_BACK || record.status() == RecordStatus.FAILED) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.FAILURE)
                            .withMessage(Messages.ROLLED_BACK_WARNING.format(
                                    record.version() + " " + record.status() + ": " + record.reason())));
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            say(StepWatchers.PREFIX + "could not show the deployment on the build page: " + e.getMessage());
        }
    }

    @Override
    public void succeeded(Map<String, Object> value) {
        Throwable stopped = stopCause.get();
        if (stopped != null) {
            context.onFailure(stopped);
        } else {
            context.onSuccess(value);
        }
    }

    @Override
    public void failed(String reason) {
        Throwable stopped = stopCause.get();
        context.onFailure(stopped != null ? stopped : new AbortException(reason));
    }

    /** As a rejected input aborts its build: the same exception, with Genesis' reason as the cause. */
    @Override
    public void aborted(String reason) {
        Throwable stopped = stopCause.get();
        context.onFailure(
                stopped != null ? stopped : new FlowInterruptedException(Result.ABORTED, new RolloutAborted(reason)));
    }
}
