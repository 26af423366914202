package io.jenkins.plugins.genesis.monitor;

import java.util.Map;

/**
 * Where a {@code genesisMonitor} step's news go: the build's console and the step's end. The Jenkins
 * execution implements it over its {@code StepContext}; tests with plain lists. Each end method is
 * called at most once.
 */
interface WatchSink {

    /** A line for the build's console. */
    void say(String line);

    /** The step returns {@code value} to the script. */
    void succeeded(Map<String, Object> value);

    /** The step fails the stage with {@code reason} (Jenkins: an {@code AbortException}). */
    void failed(String reason);
}
