package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;
import jenkins.model.CauseOfInterruption;

/**
 * Ends a step as an interruption with a result, such as a rejected input's abort. Mirrors
 * {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}.
 */
public final class FlowInterruptedException extends InterruptedException {

    private static final long serialVersionUID = 1L;

    public FlowInterruptedException(Result result, CauseOfInterruption... causes) {
        throw new UnsupportedOperationException();
    }

    /** {@code actualInterruption}: whether a person or the system actually interrupted the build. */
    public FlowInterruptedException(Result result, boolean actualInterruption, CauseOfInterruption... causes) {
        throw new UnsupportedOperationException();
    }

    public Result getResult() {
        throw new UnsupportedOperationException();
    }
}
