package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Finds the publisher for a build's SCM platform (GitHub, GitLab, ...). Mirrors
 * {@code io.jenkins.plugins:checks-api} (checked against jenkinsci/checks-api-plugin); of its members only the one
 * the plugin calls. The plugin never implements it, so no constructor is declared.
 */
public abstract class ChecksPublisherFactory implements ExtensionPoint {

    private ChecksPublisherFactory() {
        throw new UnsupportedOperationException();
    }

    /** A publisher for {@code run}: the platform's, or one that only logs when no platform applies. */
    public static ChecksPublisher fromRun(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException();
    }
}
