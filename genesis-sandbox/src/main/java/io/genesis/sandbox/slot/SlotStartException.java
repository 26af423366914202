package io.genesis.sandbox.slot;

/** A slot did not become ready; the message says why and what was cleaned up. */
public final class SlotStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SlotStartException(String message) {
        super(message);
    }

    public SlotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
