package org.jenkinsci.plugins.workflow.steps;

/**
 * A step execution whose work runs to completion on a background thread, never on the Pipeline's
 * own thread. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}.
 *
 * @param <T> what the step returns to the script
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    /** The step's work; its result is the step's return value, a thrown exception fails the step. */
    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }
}
