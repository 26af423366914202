package io.genesis.core.policy;

import java.util.Objects;

/**
 * What a build was made from, as the SCM says: a branch, a tag or a pull request.
 *
 * @param kind which kind of ref
 * @param name the branch or tag name, or the pull request's number or id
 */
public record SourceRef(Kind kind, String name) {

    /** The kinds of ref a build can come from. */
    public enum Kind {
        BRANCH,
        TAG,
        PULL_REQUEST
    }

    public SourceRef {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " ref needs a name, got '" + name + "'");
        }
    }

    public static SourceRef branch(String name) {
        return new SourceRef(Kind.BRANCH, name);
    }

    public static SourceRef tag(String name) {
        return new SourceRef(Kind.TAG, name);
    }

    public static SourceRef pullRequest(String id) {
        return new SourceRef(Kind.PULL_REQUEST, id);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BRANCH -> "branch " + name;
            case TAG -> "tag " + name;
            case PULL_REQUEST -> "pull request " + name;
        };
    }
}
