package io.jenkins.plugins.genesis.deploy;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.Run;
import io.genesis.core.target.TargetSpec;
import io.genesis.sandbox.target.SandboxTargets;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code target: testSandbox()} in the Pipelines of the Jenkins tests: the sandbox the test started,
 * in the controller's own JVM. Test code only; the sandbox (Jetty) never enters the .hpi.
 */
public final class SandboxDeployTarget extends DeployTarget {

    @DataBoundConstructor
    public SandboxDeployTarget() {
        // Nothing to set: the test registers its sandbox with SandboxOpener.
    }

    @Override
    public TargetSpec spec(Run<?, ?> run) {
        return SandboxTargets.targetSpec();
    }

    /** The Pipeline name {@code testSandbox}. */
    @Extension
    @Symbol("testSandbox")
    public static final class DescriptorImpl extends Descriptor<DeployTarget> {
        @Override
        public String getDisplayName() {
            return "Sandbox (tests)";
        }
    }
}
