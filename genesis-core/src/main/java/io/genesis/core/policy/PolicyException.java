package io.genesis.core.policy;

import java.util.Objects;

/**
 * A value of an environment policy that cannot be used, with where it is and how to fix it. The
 * message is the same whichever front door read the policy; a front door that knows more (a file,
 * a line) puts that in front of it.
 */
public final class PolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where in the document: {@code environments[1].minPassRate}, or empty for the whole document. */
    private final String path;

    public PolicyException(String path, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
    }

    public PolicyException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Where in the document the problem is, such as {@code environments[1].minPassRate}. */
    public String path() {
        return path;
    }
}
