package io.genesis.core.target;

/** A target operation failed; the message says what was attempted, on what, and why. */
public class TargetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
