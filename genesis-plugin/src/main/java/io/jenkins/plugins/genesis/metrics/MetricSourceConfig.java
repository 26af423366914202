package io.jenkins.plugins.genesis.metrics;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an environment is measured, as an administrator sets it in the global configuration
 * ({@code metrics: prometheus(...)}, {@code scrape(...)}, {@code web(...)}, {@code probe(...)},
 * {@code tests(...)}). It only
 * describes: {@link #toTree()} is the environment's {@code metrics:} section, which the engine's
 * {@code MetricsBinder} reads with the same keys as {@code genesis.yaml}; credentials are named by id.
 */
public abstract class MetricSourceConfig extends AbstractDescribableImpl<MetricSourceConfig> implements ExtensionPoint {

    /** The prefix of a secret reference that names a Jenkins credential by id. */
    public static final String CREDENTIALS = "credentials:";

    /** The {@code metrics:} section: {@code kind} and the kind's settings that are set. */
    public abstract Map<String, Object> toTree();

    /** A tree with {@code kind} first. */
    static Map<String, Object> tree(String kind) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", kind);
        return tree;
    }

    /** Puts {@code value} unless it is empty. */
    static void put(Map<String, Object> tree, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            tree.put(key, value instanceof String text ? text.trim() : value);
        }
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
