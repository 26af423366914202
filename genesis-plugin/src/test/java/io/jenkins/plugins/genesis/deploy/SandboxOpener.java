package io.jenkins.plugins.genesis.deploy;

import hudson.Extension;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.sandbox.target.SandboxTargets;

/**
 * Opens the sandbox a Jenkins test registered, as the Kubernetes opener opens a cluster: the sandbox
 * outlives a restart of Jenkins within the test, as a cluster outlives a controller's.
 */
@Extension
public final class SandboxOpener implements TargetOpener {

    /** The sandboxes of the running test. */
    static final SandboxTargets SANDBOXES = new SandboxTargets();

    /** The sandboxes of the running test, for the tests of other packages (the post-deploy watch). */
    public static SandboxTargets sandboxes() {
        return SANDBOXES;
    }

    @Override
    public String kind() {
        return SandboxTargets.KIND;
    }

    @Override
    public DeploymentTarget open(DeploymentKey key, TargetSpec spec) {
        return SANDBOXES.open(key, spec);
    }
}
