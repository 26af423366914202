package io.jenkins.plugins.genesis.monitor;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.genesis.StepConsole;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The {@code genesisMonitor} step's {@link WatchSink} over its Jenkins {@link StepContext}: lines go
 * to the build's console, the end completes the context, and a failed watch (rolled back, or no
 * verdict) marks the step's node with a warning for stage views. When the build was aborted
 * ({@code stopCause}) the step ends with that cause.
 */
final class ContextWatchSink implements WatchSink {

    private final StepContext context;
    private final Supplier<Throwable> stopCause;

    ContextWatchSink(StepContext context, Supplier<Throwable> stopCause) {
        this.context = context;
        this.stopCause = stopCause;
    }

    @Override
    public void say(String line) {
        StepConsole.println(context, line);
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
        try {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(
                        new WarningAction(Result.FAILURE).withMessage(Messages.WATCH_FAILED_WARNING.format(reason)));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            say(WatchResult.PREFIX + "could not mark the stage: " + e.getMessage());
        }
        Throwable stopped = stopCause.get();
        context.onFailure(stopped != null ? stopped : new AbortException(reason));
    }
}
