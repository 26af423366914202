package org.jvnet.hudson.test;

import hudson.model.RootAction;
import java.io.IOException;
import java.net.URL;
import org.junit.rules.MethodRule;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.Statement;

/**
 * A real Jenkins started for one test, with helpers to drive it. Mirrors {@code org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37}. With
 * JUnit 5, {@code @WithJenkins} passes an instance to each test method.
 */
public class JenkinsRule implements TestRule, MethodRule, RootAction {

    public JenkinsRule() {
        throw new UnsupportedOperationException();
    }

    /** The root URL of the test's Jenkins, such as {@code http://localhost:PORT/jenkins/}. */
    public URL getURL() throws IOException {
        throw new UnsupportedOperationException();
    }

    /** Opens the global configuration page and submits it unchanged. */
    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException();
    }

    @Override
    public Statement apply(Statement base, FrameworkMethod method, Object target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Statement apply(Statement base, Description description) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
