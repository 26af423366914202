package org.jvnet.hudson.reactor;

/**
 * A point in Jenkins' start-up or shutdown that tasks are ordered by. Mirrors
 * {@code org.jenkins-ci:task-reactor} (the version Jenkins 2.541.3 bundles), where it is an empty marker.
 */
public interface Milestone {}
