package org.jenkinsci.plugins.workflow.steps;

/**
 * Starts the block a step was given. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}. It is here because
 * {@link StepContext#newBodyInvoker()} names it; every abstract method is declared.
 */
public abstract class BodyInvoker {

    public BodyInvoker() {
        throw new UnsupportedOperationException();
    }

    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withDisplayName(String name);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
