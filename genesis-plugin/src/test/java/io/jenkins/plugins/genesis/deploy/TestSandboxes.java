package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.target.DeploymentKey;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.target.SandboxTarget;

/**
 * A healthy sandbox that {@code target: testSandbox()} reaches, for Jenkins tests of other packages
 * (approvals): started before Jenkins and closed after it, as a cluster outlives a controller.
 */
public final class TestSandboxes {

    private TestSandboxes() {}

    /** Runs {@code version} of {@code key}'s application; closing unregisters and stops the sandbox. */
    public static AutoCloseable running(DeploymentKey key, String version) {
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withLauncher(InProcessSlotLauncher.healthy()));
        SandboxTarget target = SandboxTarget.start(key, sandbox, version);
        SandboxOpener.SANDBOXES.unregister(key);
        SandboxOpener.SANDBOXES.register(target);
        return () -> {
            SandboxOpener.SANDBOXES.unregister(key);
            sandbox.close();
        };
    }
}
