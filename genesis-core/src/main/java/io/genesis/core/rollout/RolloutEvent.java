package io.genesis.core.rollout;

import io.genesis.core.target.DeploymentKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a rollout, in one line for a console log.
 *
 * @param id the rollout
 * @param key its application and environment
 * @param at when, on the engine's clock
 * @param message what happened, with measured values where there are any
 */
public record RolloutEvent(RolloutId id, DeploymentKey key, Instant at, String message) {

    public RolloutEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return at + " [" + id + " " + key + "] " + message;
    }
}
