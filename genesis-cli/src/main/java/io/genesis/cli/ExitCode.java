package io.genesis.cli;

import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.Verdict;
import io.genesis.core.history.RecordStatus;

/** What the process exit status says, for scripts and CI systems. */
enum ExitCode {
    PASSED(0),
    FAILED(1),
    USAGE(2),
    UNSTABLE(3),
    /** A rollout that ended before touching anything: approval rejected or timed out, superseded, cancelled. */
    ABORTED(3),
    INTERNAL_ERROR(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /**
     * The exit code for a verdict, from what its criteria that are not met do: error or failure 1,
     * unstable 3, note 0. Reports that could not be found or read are a usage problem (2), not a
     * failing product (1), unless the gate was forced through.
     */
    static ExitCode of(GateVerdict verdict) {
        if (verdict.verdict() == Verdict.OVERRIDDEN) {
            return PASSED;
        }
        return verdict.consequence()
                .map(consequence -> switch (consequence) {
                    case NOTE -> PASSED;
                    case UNSTABLE -> UNSTABLE;
                    case FAILURE, ERROR -> verdict.hasInputProblems() ? USAGE : FAILED;
                })
                .orElse(PASSED);
    }

    /**
     * The exit code for how a rollout ended: 0 succeeded, 1 rolled back or failed (the version is not
     * live), 3 aborted before anything was touched.
     */
    static ExitCode of(RecordStatus status) {
        return switch (status) {
            case SUCCEEDED -> PASSED;
            case ROLLED_BACK, FAILED -> FAILED;
            case ABORTED -> ABORTED;
        };
    }
}
