package org.jenkinsci.plugins.workflow.support.actions;

import hudson.model.InvisibleAction;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.PersistentAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Marks a Pipeline node as paused, with a cause and its start and end times, so that stage views
 * show the wait. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-support} (read at tag
 * 1015.v785e5a_b_b_8b_22).
 */
public class PauseAction extends InvisibleAction implements PersistentAction {

    /** A pause that starts now, for {@code cause}. */
    public PauseAction(String cause) {
        throw new UnsupportedOperationException();
    }

    public String getCause() {
        throw new UnsupportedOperationException();
    }

    public boolean isPaused() {
        throw new UnsupportedOperationException();
    }

    /** Ends the pause {@code node} is in, if any, and saves the node. */
    public static void endCurrentPause(FlowNode node) throws IOException {
        throw new UnsupportedOperationException();
    }

    /** Whether {@code node} is in a pause that has not ended. */
    public static boolean isPaused(FlowNode node) {
        throw new UnsupportedOperationException();
    }
}
