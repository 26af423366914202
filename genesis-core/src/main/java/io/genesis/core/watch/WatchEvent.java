package io.genesis.core.watch;

import io.genesis.core.target.DeploymentKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a watch says: a sample's values, an incident opened or resolved, a verdict.
 *
 * @param id the watch
 * @param key the application and environment watched
 * @param at when, by the engine's clock
 * @param message one line for people
 */
public record WatchEvent(WatchId id, DeploymentKey key, Instant at, String message) {
    public WatchEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
