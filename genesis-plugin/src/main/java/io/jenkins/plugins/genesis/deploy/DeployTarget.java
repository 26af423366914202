package io.jenkins.plugins.genesis.deploy;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import io.genesis.core.target.TargetSpec;

/**
 * Where a rollout goes, as a Jenkinsfile names it ({@code target: kubernetes(...)}). It only
 * describes: the engine stores the {@link TargetSpec} with the rollout and opens the target again
 * through a {@link TargetOpener} after a restart, so a spec names credentials by id and never holds
 * a secret or a client.
 */
public abstract class DeployTarget extends AbstractDescribableImpl<DeployTarget> implements ExtensionPoint {

    /** The engine's description of this target for a rollout that {@code run} starts. */
    public abstract TargetSpec spec(Run<?, ?> run);
}
