package io.genesis.core.notify;

/** A channel's secret could not be found; the message names the reference, never a value. */
public final class SecretUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String message) {
        super(message);
    }
}
