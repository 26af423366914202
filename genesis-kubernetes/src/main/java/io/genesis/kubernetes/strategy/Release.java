package io.genesis.kubernetes.strategy;

import java.util.regex.Pattern;

/**
 * What one rollout deploys: its id (written on every object it changes, so repeated calls after a
 * crash recognise their own work), the version people see, and the container image.
 *
 * @param rolloutId the rollout's id
 * @param version the version, such as {@code 1.4.0}
 * @param image the container image, such as {@code registry.example/shop:1.4.0}
 */
public record Release(String rolloutId, String version, String image) {

    // Annotation values may hold anything, but ids end up in messages and kubectl output: keep them plain.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,252}");

    public Release {
        require("rolloutId", rolloutId);
        require("version", version);
        require("image", image);
    }

    private static void require(String field, String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' is not valid: use letters, digits and"
                    + " . _ : / @ + - (for example registry.example/shop:1.4.0)");
        }
    }
}
