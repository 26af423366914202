package io.genesis.core.notify;

import java.util.Objects;

/**
 * Where a channel's secret (a webhook address, a routing key) is found at send time: only this
 * reference is configured, stored and shown, never the secret.
 *
 * @param source what kind of reference
 * @param name the variable, file or credentials id
 */
public record SecretRef(Source source, String name) {

    /** The kinds of reference. */
    public enum Source {
        /** An environment variable of the delivering process. */
        ENVIRONMENT,
        /** A file, read whole (surrounding blanks dropped). */
        FILE,
        /** A Jenkins Secret Text credential, by id. */
        CREDENTIALS
    }

    public SecretRef {
        Objects.requireNonNull(source, "source");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a secret reference needs a name");
        }
    }

    @Override
    public String toString() {
        return switch (source) {
            case ENVIRONMENT -> "environment variable " + name;
            case FILE -> "file " + name;
            case CREDENTIALS -> "credentials " + name;
        };
    }
}
