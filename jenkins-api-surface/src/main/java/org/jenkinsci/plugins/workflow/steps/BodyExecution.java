package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/** A running block of a step. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}; every abstract method of the class itself is declared. */
public abstract class BodyExecution implements Future<Object>, Serializable {

    private static final long serialVersionUID = 1L;

    public BodyExecution() {
        throw new UnsupportedOperationException();
    }

    public abstract Collection<StepExecution> getCurrentExecutions();

    /** Stops the block, failing it with {@code t}. */
    public boolean cancel(Throwable t) {
        throw new UnsupportedOperationException();
    }
}
