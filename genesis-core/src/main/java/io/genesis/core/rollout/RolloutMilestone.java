package io.genesis.core.rollout;

/**
 * The moments of a rollout that people outside its log may want to hear about (notifications). A
 * milestone comes with the rollout's state as stored, so a listener has the version, the step and,
 * once it has ended, the outcome without asking the store.
 */
public enum RolloutMilestone {
    /** It took the lock of its application and environment and entered its first step. */
    STARTED,
    /** It asked for approval and waits for an answer; the state's current step is the approval. */
    AWAITING_APPROVAL,
    /** It was recorded and unlocked; the state's outcome says how it ended. */
    ENDED
}
