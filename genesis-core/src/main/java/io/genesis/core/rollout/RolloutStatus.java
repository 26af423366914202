package io.genesis.core.rollout;

import io.genesis.core.history.RecordStatus;

/** A rollout's status as people see it: where it is, or how it ended. */
public enum RolloutStatus {
    QUEUED,
    PROGRESSING,
    PAUSED,
    AWAITING_APPROVAL,
    ANALYSING,
    HALTED,
    ROLLING_BACK,
    SUCCEEDED,
    ROLLED_BACK,
    FAILED,
    ABORTED;

    /** Whether the rollout has ended. */
    public boolean ended() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    static RolloutStatus of(RecordStatus status) {
        return switch (status) {
            case SUCCEEDED -> SUCCEEDED;
            case ROLLED_BACK -> ROLLED_BACK;
            case FAILED -> FAILED;
            case ABORTED -> ABORTED;
        };
    }
}
