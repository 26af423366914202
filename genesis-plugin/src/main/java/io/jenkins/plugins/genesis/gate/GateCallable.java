package io.jenkins.plugins.genesis.gate;

import hudson.remoting.VirtualChannel;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/**
 * Carries one gate evaluation to the agent that holds the workspace, so the reports are read
 * there and never travel. Only plain data goes over ({@link GateInput}) and only the verdict's
 * JSON comes back (with the gate record's, when a commit is known): no engine class crosses the channel, not even an engine exception, which the
 * controller's class filter would refuse (the engine jars are not on its list, docs/building.md).
 */
final class GateCallable extends MasterToSlaveFileCallable<String[]> {

    private static final long serialVersionUID = 1L;

    private final GateInput input;

    GateCallable(GateInput input) {
        this.input = input;
    }

    @Override
    public String[] invoke(File workspace, VirtualChannel channel) {
        try {
            return GateEvaluation.judge(input, workspace.toPath());
        } catch (RuntimeException e) {
            throw jdkOnly(e);
        }
    }

    /** {@code e} itself when its class is the JDK's; otherwise a JDK exception with its message and trace. */
    static RuntimeException jdkOnly(RuntimeException e) {
        if (e.getClass().getName().startsWith("java.") && e.getCause() == null) {
            return e;
        }
        IllegalStateException plain = new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage());
        plain.setStackTrace(e.getStackTrace());
        return plain;
    }
}
