package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Describes a Pipeline step: its function name and the context it needs. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}. */
public abstract class StepDescriptor extends Descriptor<Step> {

    /** The objects the step needs from its context, such as the build or the workspace. */
    public abstract Set<? extends Class<?>> getRequiredContext();

    /** The name a Pipeline script calls the step by. */
    public abstract String getFunctionName();

    /** Whether the step takes a block ({@code step(...) { ... }}); a step that does says so. */
    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException();
    }
}
