package io.genesis.core.watch;

/** How a watch ended. Only {@link #HEALTHY} says the version held up; missing data is never healthy. */
public enum WatchVerdict {
    /** The window passed with data, and nothing critical is left open. */
    HEALTHY,
    /** A critical incident rolled the version back through the rollout's rollback. */
    ROLLED_BACK,
    /** A newer deploy of the same application and environment started its own watch. */
    SUPERSEDED,
    /** A person stopped it, with a reason. */
    STOPPED,
    /** The data did not allow a verdict: the last sample had none, or none had any, or a critical incident could not be rolled back. */
    INCONCLUSIVE
}
