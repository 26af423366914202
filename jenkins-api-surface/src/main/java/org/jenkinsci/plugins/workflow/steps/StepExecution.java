package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** One running call of a step. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}. */
public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException();
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;
}
