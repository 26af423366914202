package io.jenkins.plugins.genesis.approval;

/** Marks the flow node of the step that waits for a rollout as paused, and ends that pause. */
interface WaitingNodes {

    /**
     * Adds a pause with {@code cause} to the node of the step in {@code build} that waits for
     * {@code rolloutId}, unless it is paused already, and writes {@code consoleLine} (when not
     * {@code null}) to that step's log. May happen later, once the build's program is loaded.
     */
    void pause(BuildApprovals build, String rolloutId, String cause, String consoleLine);

    /** Ends the pause of that node, if there is one. */
    void endPause(BuildApprovals build, String rolloutId, String consoleLine);
}
