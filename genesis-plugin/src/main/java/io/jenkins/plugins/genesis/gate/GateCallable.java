package io.jenkins.plugins.genesis.gate;

import hudson.remoting.VirtualChannel;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/**
 * Carries one gate evaluation to the agent that holds the workspace, so the reports are read
 * there and never travel. Only plain data goes over ({@link GateInput}) and only the verdict's
 * JSON comes back: no engine class crosses the channel.
 */
final class GateCallable extends MasterToSlaveFileCallable<String> {

    private static final long serialVersionUID = 1L;

    private final GateInput input;

    GateCallable(GateInput input) {
        this.input = input;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) {
        return GateEvaluation.evaluate(input, workspace.toPath());
    }
}
