package io.genesis.cli;

/** A configuration file that cannot be used, with where, what, and the fix in the message. */
final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
