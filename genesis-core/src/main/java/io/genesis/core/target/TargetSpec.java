package io.genesis.core.target;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach a target again after a restart: its kind and plain settings (namespace,
 * deployment, image, URL). Stored with the rollout, so it must never hold a secret: name a
 * credential by its id instead.
 *
 * @param kind the kind of target, such as {@code kubernetes} or {@code sandbox}
 * @param settings the target's settings
 */
public record TargetSpec(String kind, Map<String, String> settings) {

    public TargetSpec {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("target kind must not be blank (for example 'kubernetes')");
        }
        settings = Map.copyOf(new TreeMap<>(Objects.requireNonNull(settings, "settings")));
    }

    public static TargetSpec of(String kind) {
        return new TargetSpec(kind, Map.of());
    }
}
