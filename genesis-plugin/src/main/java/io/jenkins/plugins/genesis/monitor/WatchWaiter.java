package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.watch.WatchState;

/**
 * What a waiting {@code genesisMonitor} step hears from the controller's watcher about the one watch
 * it waits for. Called on the engine's thread: every method must return quickly.
 */
interface WatchWaiter {

    /** One line about the watch, for the build's console. */
    void say(String line);

    /** The watch has ended with a verdict. Called at most once, instead of {@link #released}. */
    void ended(WatchState state);

    /**
     * The step's {@code for:} has passed while the watch goes on in the background. Called at most
     * once, instead of {@link #ended}.
     */
    void released(WatchState state);
}
