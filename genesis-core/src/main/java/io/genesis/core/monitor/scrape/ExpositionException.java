package io.genesis.core.monitor.scrape;

/** An exposition that cannot be read: where (the source and line) and what was expected. */
public final class ExpositionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ExpositionException(String message) {
        super(message);
    }

    ExpositionException(String message, Throwable cause) {
        super(message, cause);
    }
}
