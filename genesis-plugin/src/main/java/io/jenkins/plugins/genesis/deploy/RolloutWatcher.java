package io.jenkins.plugins.genesis.deploy;

import io.genesis.core.history.DeploymentRecord;

/**
 * What a waiting Pipeline step hears from the controller's engine about the one rollout it waits
 * for. Called on the engine's thread: every method must return quickly.
 */
interface RolloutWatcher {

    /** One line about the rollout, for the build's console. */
    void say(String line);

    /** Whether {@code record} is the end this watcher waits for (a rollback waits for more than a success). */
    default boolean endsWith(DeploymentRecord record) {
        return true;
    }

    /** The rollout has ended and {@code record} is stored. Called once. */
    void ended(DeploymentRecord record);

    /** The engine refused the request before anything was touched. Called once, instead of {@link #ended}. */
    void refused(String reason);
}
