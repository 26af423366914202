package io.genesis.core.rollout;

/**
 * Where a rollout is in its life, as stored. Together with the step index and its progress this
 * is the whole program counter of the state machine:
 *
 * <pre>
 * QUEUED ──lock──> RUNNING ──last step──> FINISHING ──record, unlock──> DONE
 *                    │  ▲                     ▲
 *     inconclusive ──┤  └── resume ── HALTED  │
 *                    └──breach, failure, rejection──> ROLLING_BACK ──traffic restored──┘
 * </pre>
 */
public enum Stage {
    /** Waiting for the lock of its application and environment. */
    QUEUED,
    /** Executing the plan's current step, or waiting inside it (pause, approval, analysis, health). */
    RUNNING,
    /** Stopped by an inconclusive analysis; waits for a person to resume or roll back. */
    HALTED,
    /** Sending traffic back to the stable version and retiring the candidate. */
    ROLLING_BACK,
    /** Ended: writing the record and releasing the lock. */
    FINISHING,
    /** Recorded and unlocked; may still have to scale the previous version down later. */
    DONE;

    /** Whether a rollout in this stage holds (or is about to release) its lock. */
    public boolean holdsLock() {
        return this == RUNNING || this == HALTED || this == ROLLING_BACK || this == FINISHING;
    }
}
