package io.genesis.core.target;

import java.util.Objects;

/**
 * What a target observes about the candidate: ready, still starting, or broken, with a reason
 * people can act on.
 *
 * @param state the observed state
 * @param message why, in one line, such as {@code 3 of 4 replicas ready}
 */
public record Health(State state, String message) {

    /** The observed states of a candidate. */
    public enum State {
        /** Ready for traffic. */
        HEALTHY,
        /** Not ready yet, but nothing has failed: ask again later. */
        PROGRESSING,
        /** Failed: waiting will not help. */
        UNHEALTHY
    }

    public Health {
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }

    public static Health healthy(String message) {
        return new Health(State.HEALTHY, message);
    }

    public static Health progressing(String message) {
        return new Health(State.PROGRESSING, message);
    }

    public static Health unhealthy(String message) {
        return new Health(State.UNHEALTHY, message);
    }

    public boolean isHealthy() {
        return state == State.HEALTHY;
    }

    @Override
    public String toString() {
        return state.name().toLowerCase(java.util.Locale.ROOT) + (message.isEmpty() ? "" : ": " + message);
    }
}
