package io.genesis.core.history;

/** How a rollout ended. */
public enum RecordStatus {
    /** Every step of the plan completed; the candidate is the stable version. */
    SUCCEEDED,
    /**
     * A rollback restored the previous version: asked for by a person, or triggered by a failed
     * step, a critical breach, or an approval refused or timed out after the target was touched.
     */
    ROLLED_BACK,
    /**
     * The rollout ended on an error rather than a decision (analysis without data when set to
     * fail, or a rollback that itself failed); the reason says whether traffic was restored.
     */
    FAILED,
    /** The rollout ended before touching the target: refused or timed-out approval, superseded, cancelled. */
    ABORTED
}
