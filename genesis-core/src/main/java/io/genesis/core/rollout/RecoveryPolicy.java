package io.genesis.core.rollout;

/**
 * What the reconciler does with a rollout whose owner died in the middle of a step. A rollback in
 * progress always carries on, and a rollout that touched nothing is always resumed.
 */
public enum RecoveryPolicy {
    /** Carry on from the persisted step: every target operation is idempotent. */
    RESUME,
    /** Roll back: for teams that would rather not continue a release nobody watched. */
    ROLL_BACK
}
