package io.genesis.core.monitor;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach a metric source again after a restart: its kind and plain settings. Stored with
 * the rollout, so it never holds a secret.
 *
 * @param kind the kind of source, such as {@code prometheus}
 * @param settings the source's settings, such as its URL and queries
 */
public record MetricSpec(String kind, Map<String, String> settings) {

    public MetricSpec {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("metric source kind must not be blank (for example 'prometheus')");
        }
        settings = Map.copyOf(new TreeMap<>(Objects.requireNonNull(settings, "settings")));
    }

    public static MetricSpec of(String kind) {
        return new MetricSpec(kind, Map.of());
    }
}
