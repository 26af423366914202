package io.genesis.kubernetes.api;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the adapter reports what it did and what it approximated, one human line at a time (the
 * console log in Jenkins, standard output in the CLI).
 */
@FunctionalInterface
public interface EventSink {

    void emit(String message);

    /** Writes to {@code java.util.logging}, for callers that have no console. */
    static EventSink logging() {
        Logger logger = Logger.getLogger("io.genesis.kubernetes");
        return message -> logger.log(Level.INFO, message);
    }
}
