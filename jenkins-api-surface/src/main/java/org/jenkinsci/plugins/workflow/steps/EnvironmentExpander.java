package org.jenkinsci.plugins.workflow.steps;

import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Adds variables to the environment of the steps inside a block. Mirrors {@code
 * org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_}; only what Genesis calls is declared.
 */
public abstract class EnvironmentExpander implements Serializable {

    private static final long serialVersionUID = 1L;

    public EnvironmentExpander() {
        throw new UnsupportedOperationException();
    }

    public abstract void expand(EnvVars env) throws IOException, InterruptedException;

    /** An expander that sets {@code env}. */
    public static EnvironmentExpander constant(Map<String, String> env) {
        throw new UnsupportedOperationException();
    }

    /** {@code original}'s variables, then {@code subsequent}'s. */
    public static EnvironmentExpander merge(EnvironmentExpander original, EnvironmentExpander subsequent) {
        throw new UnsupportedOperationException();
    }
}
