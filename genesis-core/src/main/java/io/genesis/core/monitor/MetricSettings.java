package io.genesis.core.monitor;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the stored settings of one metric source kind, with errors that name the source, the
 * setting and what was found, so that every source reports a bad spec the same way.
 */
public final class MetricSettings {

    private final String source;
    private final Map<String, String> settings;

    private MetricSettings(String source, Map<String, String> settings) {
        this.source = source;
        this.settings = settings;
    }

    /**
     * The settings of {@code spec}, which must be of {@code kind} and name only {@code known} settings.
     *
     * @param source how messages name the source, such as {@code probe}
     */
    public static MetricSettings of(MetricSpec spec, String kind, String source, Set<String> known) {
        if (!kind.equals(spec.kind())) {
            throw new IllegalArgumentException("metric source kind '" + spec.kind() + "' is not " + kind);
        }
        Set<String> unknown = new TreeSet<>(spec.settings().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    source + " settings " + unknown + " are not known; known: " + new TreeSet<>(known));
        }
        return new MetricSettings(source, spec.settings());
    }

    /** Whether {@code key} is set. */
    public boolean has(String key) {
        return settings.containsKey(key);
    }

    /** The value of {@code key}, which must be set; {@code example} shows one. */
    public String required(String key, String example) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + " setting '" + key + "' is required, such as " + example);
        }
        return value;
    }

    /** The value of {@code key}, or {@code null}. */
    public String get(String key) {
        return settings.get(key);
    }

    /** The whole number {@code key} holds, {@code fallback} when it is not set. */
    public long wholeNumber(String key, long fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    source + " setting '" + key + "' must be a whole number, got '" + value + "'", e);
        }
    }

    /** Whether {@code key} holds {@code true}; {@code false} when not set. */
    public boolean flag(String key) {
        String value = settings.getOrDefault(key, "false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(
                    source + " setting '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
