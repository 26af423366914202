package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

/**
 * Runs a test as several Jenkins sessions on one Jenkins home: each {@link #then(Step)} starts Jenkins,
 * runs the step and shuts Jenkins down, so the next one sees what the previous one saved. Mirrors
 * {@code org.jenkins-ci.main:jenkins-test-harness:2578.v44660312fd37}.
 */
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {

    public JenkinsSessionExtension() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        throw new UnsupportedOperationException();
    }

    /** Runs one Jenkins session and shuts it down. */
    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException();
    }

    /** What runs in one session. */
    public interface Step extends JenkinsSessionFixture.Step {}
}
