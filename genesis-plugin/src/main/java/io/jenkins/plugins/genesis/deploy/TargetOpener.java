package io.jenkins.plugins.genesis.deploy;

import hudson.ExtensionPoint;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;

/**
 * Opens the targets of one kind for the controller's engine, from the spec a {@link DeployTarget}
 * wrote. Registered with {@code @Extension}; the engine picks the opener whose {@link #kind()}
 * equals the spec's kind, both when a rollout starts and when a restarted controller carries on.
 */
public interface TargetOpener extends ExtensionPoint {

    /** The {@link TargetSpec#kind()} this opener serves, such as {@code kubernetes}. */
    String kind();

    /** The target {@code spec} describes; credentials are resolved here, on each use, never kept. */
    DeploymentTarget open(DeploymentKey key, TargetSpec spec);
}
