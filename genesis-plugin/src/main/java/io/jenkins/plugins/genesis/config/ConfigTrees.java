package io.jenkins.plugins.genesis.config;

import java.util.Map;

/**
 * How a form object becomes the plain tree core's binders read: a key only when its value is set, and
 * text without the blanks a form leaves around it (a blank box is not set).
 */
final class ConfigTrees {

    private ConfigTrees() {}

    /** Puts {@code value} under {@code key} when it is set. */
    static void put(Map<String, Object> tree, String key, Object value) {
        if (value != null) {
            tree.put(key, value);
        }
    }

    /** {@code value} without surrounding blanks; {@code null} when it is empty or blank. */
    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
