package io.genesis.kubernetes.strategy;

/**
 * A step cannot be done in the cluster's current state (not an API failure): the message says
 * what was found and what to do.
 */
public class RolloutFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RolloutFailedException(String message) {
        super(message);
    }
}
