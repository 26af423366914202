package io.genesis.core.rollout;

/** What a rollout does when another one for the same application and environment is in progress. */
public enum ConcurrencyPolicy {
    /** Wait in line for the lock, oldest first. */
    QUEUE,
    /** Refuse at once, naming the rollout in progress. */
    REFUSE
}
