package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.ListenableFuture;
import java.io.Serializable;
import java.util.function.Consumer;

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

    /**
     * Calls {@code c} with every running step execution of every build, once the builds' programs are loaded; the
     * future completes when all were visited.
     */
    public static ListenableFuture<?> acceptAll(Consumer<StepExecution> c) {
        throw new UnsupportedOperationException();
    }

    /** Called when the build is aborted; by default the step fails with {@code cause}. */
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    /** Called when the execution is loaded again after a restart. */
    public void onResume() {
        throw new UnsupportedOperationException();
    }

    /** What the step is doing, for diagnostics, or {@code null}. */
    public String getStatus() {
        throw new UnsupportedOperationException();
    }
}
