package io.genesis.core.monitor;

import java.util.Objects;

/**
 * What one more sample means for the rollout, with the measured values that led to it.
 *
 * @param kind carry on, roll back, or act on missing data
 * @param reason the measured values and bounds behind the decision
 */
public record AnalysisDecision(Kind kind, String reason) {

    /** The decisions a sample can lead to. */
    public enum Kind {
        /** Nothing is wrong enough to stop: sample again, or pass when the window is over. */
        CONTINUE,
        /** A rollback bound was crossed, or enough critical samples came in a row. */
        ROLL_BACK,
        /** The sample had no usable data: apply the configured {@link InconclusiveAction}. */
        INCONCLUSIVE
    }

    public AnalysisDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
