package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;
import java.util.Map;

/**
 * Where a waiting step's news go: the build's console, its page, and the step's end. The Jenkins
 * executions implement it over their {@code StepContext}; tests implement it with plain lists, so
 * the whole waiting logic runs here without Jenkins. Each end method is called at most once.
 */
interface StepSink {

    /** A line for the build's console. */
    void say(String line);

    /** The rollout's record, for the build page; called before the end. */
    void recorded(DeploymentRecord record);

    /** The step returns {@code value} to the script. */
    void succeeded(Map<String, Object> value);

    /** The step fails the stage with {@code reason} (Jenkins: an {@code AbortException}). */
    void failed(String reason);

    /** The step aborts the build with {@code reason}, as a rejected input does. */
    void aborted(String reason);
}
