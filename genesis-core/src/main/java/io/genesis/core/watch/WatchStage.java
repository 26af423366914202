package io.genesis.core.watch;

/** Where a watch is in its life. */
public enum WatchStage {
    /** Sampling once per interval until the window ends. */
    WATCHING,
    /** A critical incident handed the version to the rollout's rollback; waiting for traffic to be restored. */
    ROLLING_BACK,
    /** Over, with a verdict. */
    ENDED
}
