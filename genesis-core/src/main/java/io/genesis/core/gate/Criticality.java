package io.genesis.core.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a criterion that is not met does to a build, in increasing severity, as the quality gates of
 * the warnings-ng and Coverage plugins have it. {@link #ERROR} is today's behaviour of a deployment
 * gate, and the default.
 */
public enum Criticality {
    /** Reported only: the verdict stays {@link Verdict#PASSED}. */
    NOTE(Verdict.PASSED),
    /** The stage and the build are marked unstable; the pipeline goes on. */
    UNSTABLE(Verdict.UNSTABLE),
    /** The build result is set to failure, but the pipeline goes on. */
    FAILURE(Verdict.FAILED),
    /** The step fails and the pipeline stops. */
    ERROR(Verdict.FAILED);

    private final Verdict verdict;

    Criticality(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict a gate has when this is the worst consequence among its criteria. */
    public Verdict verdict() {
        return verdict;
    }

    /** Whether a gate with this consequence stops the pipeline rather than marking the build. */
    public boolean stopsPipeline() {
        return this == ERROR;
    }

    /** Whether this does more to a build than {@code other}. */
    public boolean isStricterThan(Criticality other) {
        return compareTo(other) > 0;
    }

    /** The more severe of this and {@code other}. */
    public Criticality worst(Criticality other) {
        return other.isStricterThan(this) ? other : this;
    }

    /** The key used in configuration files: {@code note}, {@code unstable}, {@code failure}, {@code error}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a criticality given by a person, in any case.
     *
     * @param field where the value was given, for the message
     * @throws IllegalArgumentException naming the field, the value and the known values
     */
    public static Criticality parse(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        for (Criticality criticality : values()) {
            if (criticality.name().equalsIgnoreCase(trimmed)) {
                return criticality;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + known() + ", got '" + value + "'");
    }

    private static String known() {
        return Arrays.stream(values()).map(Criticality::key).collect(Collectors.joining(", "));
    }
}
