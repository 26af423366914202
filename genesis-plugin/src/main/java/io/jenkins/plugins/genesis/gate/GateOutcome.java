package io.jenkins.plugins.genesis.gate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a gate's verdict does to the Pipeline that asked for it. */
enum GateOutcome {
    /** The build goes on untouched. */
    PASSED(false, false),
    /** The build and the stage are marked unstable; the Pipeline goes on. */
    UNSTABLE(true, false),
    /** The step fails, and with it the build unless the script catches the error. */
    FAILED(false, true),
    /** The gate did not pass but was forced through: the build goes on, the reason is on record. */
    OVERRIDDEN(false, false);

    private final boolean marksUnstable;
    private final boolean failsTheStep;

    GateOutcome(boolean marksUnstable, boolean failsTheStep) {
        this.marksUnstable = marksUnstable;
        this.failsTheStep = failsTheStep;
    }

    boolean marksUnstable() {
        return marksUnstable;
    }

    boolean failsTheStep() {
        return failsTheStep;
    }

    /** The outcome of the engine's verdict, by its name in the gate summary. */
    static GateOutcome of(String verdict) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.name().equals(verdict))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown gate verdict '" + verdict + "'; known: "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
