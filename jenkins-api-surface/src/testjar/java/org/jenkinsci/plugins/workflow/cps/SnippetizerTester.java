package org.jenkinsci.plugins.workflow.cps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Checks the Snippet Generator both ways: the Groovy it writes for a step, and the step it reads back from that
 * Groovy. Mirrors {@code org.jenkins-ci.plugins.workflow:workflow-cps} (its {@code tests} jar; the source is in
 * {@code plugin/src/test/java}).
 */
public class SnippetizerTester {

    public SnippetizerTester(JenkinsRule r) {
        throw new UnsupportedOperationException();
    }

    /** {@code step} is written as {@code expected}, and {@code expected} reads back into an equal step. */
    public void assertRoundTrip(Step step, String expected) throws Exception {
        throw new UnsupportedOperationException();
    }
}
