package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Told when a step's block ends. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}. */
public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public BodyExecutionCallback() {
        throw new UnsupportedOperationException();
    }

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
