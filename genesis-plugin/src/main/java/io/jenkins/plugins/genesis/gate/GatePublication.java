package io.jenkins.plugins.genesis.gate;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Somewhere a gate's verdict is published besides the build page, such as a pull request's checks.
 * Implementations are {@code @Extension(optional = true)} when they need an optional plugin: Jenkins
 * then leaves them out, silently, where that plugin is not installed, and nothing changes.
 */
public interface GatePublication extends ExtensionPoint {

    /**
     * Publishes {@code check} for {@code run}. Called on the controller after the verdict is
     * recorded; a failure is reported on {@code listener} and does not change the verdict.
     */
    void publish(Run<?, ?> run, TaskListener listener, GateCheck check);
}
