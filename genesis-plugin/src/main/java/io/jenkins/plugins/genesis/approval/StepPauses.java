package io.jenkins.plugins.genesis.approval;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;

/**
 * {@link WaitingNodes} of real Pipeline builds: visits the running step executions
 * ({@link StepExecution#acceptAll}, which waits for each build's program to be loaded, so it works
 * right after a restart too), keeps those of the build, picks the one waiting for the rollout
 * ({@link WaitingStepChoice}) and acts on its flow node and log. Nothing here blocks the caller.
 */
final class StepPauses implements WaitingNodes {

    private static final Logger LOGGER = Logger.getLogger(StepPauses.class.getName());

    @Override
    public void pause(BuildApprovals build, String rolloutId, String cause, String consoleLine) {
        onWaitingStep(build.run(), rolloutId, (node, listener) -> {
            try {
                if (!PauseAction.isPaused(node)) {
                    node.addAction(new PauseAction(cause));
                }
            } finally {
                if (consoleLine != null) {
                    listener.getLogger().println(consoleLine);
                }
            }
        });
    }

    @Override
    public void endPause(BuildApprovals build, String rolloutId, String consoleLine) {
        onWaitingStep(build.run(), rolloutId, (node, listener) -> {
            try {
                PauseAction.endCurrentPause(node);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not end the approval pause of " + node.getDisplayFunctionName(), e);
            } finally {
                if (consoleLine != null) {
                    listener.getLogger().println(consoleLine);
                }
            }
        });
    }

    private static void onWaitingStep(Run<?, ?> run, String rolloutId, BiConsumer<FlowNode, TaskListener> act) {
        List<WaitingStepChoice.Candidate<StepContext>> running = new ArrayList<>();
        ListenableFuture<?> visited = StepExecution.acceptAll(execution -> {
            WaitingStepChoice.Candidate<StepContext> found = candidate(run, execution);
            if (found != null) {
                synchronized (running) {
                    running.add(found);
                }
            }
        });
        visited.addListener(
                () -> {
                    List<WaitingStepChoice.Candidate<StepContext>> all;
                    synchronized (running) {
                        all = List.copyOf(running);
                    }
                    WaitingStepChoice.choose(all, rolloutId)
                            .ifPresentOrElse(
                                    context -> act(context, act),
                                    () -> LOGGER.fine(() -> "no running step of " + run + " waits for " + rolloutId));
                },
                MoreExecutors.directExecutor());
    }

    private static void act(StepContext context, BiConsumer<FlowNode, TaskListener> act) {
        try {
            act.accept(context.get(FlowNode.class), context.get(TaskListener.class));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not mark the approval on the waiting step", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The execution as a candidate when it runs in {@code run}; {@code null} otherwise. */
    private static WaitingStepChoice.Candidate<StepContext> candidate(Run<?, ?> run, StepExecution execution) {
        StepContext context = execution.getContext();
        try {
            // By address, not identity: Jenkins may load a build again into a new object once memory was short.
            Run<?, ?> of = context.get(Run.class);
            if (of == null || !of.getUrl().equals(run.getUrl())) {
                return null;
            }
            FlowNode node = context.get(FlowNode.class);
            String rolloutId = execution instanceof WaitsForRollout waits ? waits.getRolloutId() : null;
            return new WaitingStepChoice.Candidate<>(
                    rolloutId, node == null ? null : node.getDisplayFunctionName(), context);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "skipped a step execution that could not be read", e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
