package io.genesis.cli;

import io.genesis.core.gate.GateVerdict;
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
     * The exit code for a verdict. Reports that could not be found or read are a usage problem (2),
     * not a failing product (1), unless the gate was forced through.
     */
    static ExitCode of(GateVerdict verdict) {
        return switch (verdict.verdict()) {
            case PASSED, OVERRIDDEN -> PASSED;
            case UNSTABLE -> UNSTABLE;
            case FAILED -> verdict.hasInputProblems() ? USAGE : FAILED;
        };
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
