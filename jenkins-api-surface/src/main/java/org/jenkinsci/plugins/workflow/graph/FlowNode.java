package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;

/**
 * One node of a Pipeline run's graph, such as a step or a stage; its actions show in stage views.
 * Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-api:1413.v2ff1a_5e720fa_}. Only Pipeline creates nodes, so no constructor is declared.
 */
public abstract class FlowNode extends Actionable implements Saveable {

    private FlowNode() {
        throw new UnsupportedOperationException();
    }

    protected abstract String getTypeDisplayName();

    /** The name of the step function this node runs, such as {@code genesisDeploy}, or the node's display name. */
    public String getDisplayFunctionName() {
        throw new UnsupportedOperationException();
    }

    /** The node's id, unique within its build. */
    public String getId() {
        throw new UnsupportedOperationException();
    }
}
