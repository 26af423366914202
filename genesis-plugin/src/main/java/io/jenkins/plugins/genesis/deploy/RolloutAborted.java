package io.jenkins.plugins.genesis.deploy;

import jenkins.model.CauseOfInterruption;

/**
 * Why a build was aborted by Genesis: its rollout was aborted before it touched anything (an
 * approval rejected or timed out, a newer rollout superseding it). Shown in the build's console and
 * kept with the build, as the input step's rejection is.
 */
public final class RolloutAborted extends CauseOfInterruption {

    private static final long serialVersionUID = 1L;

    private final String reason;

    RolloutAborted(String reason) {
        this.reason = reason;
    }

    @Override
    public String getShortDescription() {
        return reason;
    }
}
