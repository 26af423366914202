package io.genesis.kubernetes.strategy;

import io.genesis.kubernetes.workload.Progress;
import java.util.Objects;

/**
 * What the adapter observes about the candidate: healthy, still progressing, or unhealthy, with a
 * reason people can act on.
 *
 * @param state the observed state
 * @param message why, in one line
 */
public record Observation(State state, String message) {

    /** The observed states. */
    public enum State {
        HEALTHY,
        PROGRESSING,
        UNHEALTHY
    }

    public Observation {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    public static Observation healthy(String message) {
        return new Observation(State.HEALTHY, message);
    }

    public static Observation progressing(String message) {
        return new Observation(State.PROGRESSING, message);
    }

    public static Observation unhealthy(String message) {
        return new Observation(State.UNHEALTHY, message);
    }

    /** A Deployment's rollout progress as an observation. */
    public static Observation of(Progress progress) {
        return switch (progress.state()) {
            case COMPLETE -> healthy(progress.message());
            case PROGRESSING -> progressing(progress.message());
            case FAILED -> unhealthy(progress.message());
        };
    }
}
