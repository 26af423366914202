package io.jenkins.plugins.genesis.approval;

/**
 * A running step execution that waits for a rollout, such as {@code genesisDeploy}'s. Implementing
 * it lets {@link JenkinsApprover} find the step's flow node exactly (for the pause shown in stage
 * views, and for the console line), even with several deploys running in parallel branches.
 */
public interface WaitsForRollout {

    /** The id of the rollout the execution waits for. */
    String getRolloutId();
}
