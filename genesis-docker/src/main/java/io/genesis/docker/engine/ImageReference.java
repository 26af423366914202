package io.genesis.docker.engine;

import java.util.Locale;

/**
 * An image reference split as the docker command splits it: the registry (a first component with a dot or
 * a colon, or {@code localhost}; else Docker Hub), the repository, and the tag or digest ({@code latest}
 * when none is written).
 *
 * @param registry the registry's host and port, such as {@code registry.example.com:5000} or
 *     {@code docker.io}
 * @param repository the reference without tag or digest, such as {@code registry.example.com:5000/shop}
 * @param tagOrDigest the tag ({@code 1.4.0}) or digest ({@code sha256:…})
 */
public record ImageReference(String registry, String repository, String tagOrDigest) {

    /** Docker Hub, as images without a registry name it. */
    public static final String DOCKER_HUB = "docker.io";

    /** {@code reference} split; fails with the expected form when it cannot be an image reference. */
    public static ImageReference parse(String reference) {
        String text = reference == null ? "" : reference.trim();
        if (text.isEmpty()
                || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                || text.contains("..")
                || text.contains("?")
                || text.contains("#")) {
            throw new IllegalArgumentException(
                    "'" + reference + "' is not an image reference; write one such as registry.example.com/shop:1.4.0");
        }
        String repository = text;
        String tag = "latest";
        int at = text.indexOf('@');
        if (at >= 0) {
            repository = text.substring(0, at);
            tag = text.substring(at + 1);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon > text.lastIndexOf('/')) {
                repository = text.substring(0, colon);
                tag = text.substring(colon + 1);
            }
        }
        if (repository.isEmpty() || tag.isEmpty() || repository.startsWith("/") || repository.endsWith("/")) {
            throw new IllegalArgumentException(
                    "'" + reference + "' is not an image reference; write one such as registry.example.com/shop:1.4.0");
        }
        int slash = repository.indexOf('/');
        String first = slash < 0 ? "" : repository.substring(0, slash);
        boolean named = !first.isEmpty() && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        return new ImageReference(named ? first.toLowerCase(Locale.ROOT) : DOCKER_HUB, repository, tag);
    }
}
