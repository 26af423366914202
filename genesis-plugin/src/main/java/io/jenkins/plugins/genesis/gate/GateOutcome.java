package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.Criticality;
import io.genesis.core.gate.Verdict;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a gate's verdict does to the Pipeline that asked for it, as the quality gates of the
 * warnings-ng and Coverage plugins do: the engine's verdict with its consequence (the worst
 * {@link Criticality} among the criteria not met) says which.
 */
enum GateOutcome {
    /** The build goes on untouched; criteria of criticality note may have been missed (reported only). */
    PASSED(Mark.NONE, false),
    /** The build and the stage are marked unstable; the Pipeline goes on. */
    UNSTABLE(Mark.UNSTABLE, false),
    /** The build's result is set to failure and the stage shows it; the step returns and the Pipeline goes on. */
    FAILURE(Mark.FAILURE, false),
    /** The step fails, and with it the build unless the script catches the error: the Pipeline stops. */
    ERROR(Mark.NONE, true),
    /** The gate did not pass but was forced through: the build goes on, the stage warns, the reason is on record. */
    OVERRIDDEN(Mark.NONE, false);

    /** The result a gate sets on the build and its stage, if any. */
    enum Mark {
        NONE,
        UNSTABLE,
        FAILURE
    }

    private final Mark mark;
    private final boolean failsTheStep;

    GateOutcome(Mark mark, boolean failsTheStep) {
        this.mark = mark;
        this.failsTheStep = failsTheStep;
    }

    Mark mark() {
        return mark;
    }

    boolean failsTheStep() {
        return failsTheStep;
    }

    /**
     * The outcome of the engine's verdict and consequence, by their names in the gate summary. A
     * failed gate stops the Pipeline unless its consequence is {@code FAILURE}; a summary stored
     * before criticalities existed has no consequence, and a failed one stops, as it did then.
     *
     * @throws IllegalArgumentException for a verdict or consequence the engine does not have
     */
    static GateOutcome of(String verdict, String consequence) {
        Verdict known = Arrays.stream(Verdict.values())
                .filter(v -> v.name().equals(verdict))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown gate verdict '" + verdict + "'; known: "
                        + Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.joining(", "))));
        boolean failureOnly = consequence != null && Criticality.valueOf(consequence) == Criticality.FAILURE;
        return switch (known) {
            case PASSED -> PASSED;
            case UNSTABLE -> UNSTABLE;
            case FAILED -> failureOnly ? FAILURE : ERROR;
            case OVERRIDDEN -> OVERRIDDEN;
        };
    }
}
