package io.genesis.core.rollout;

/** A rollout the engine will not start (ref not allowed, key busy); nothing was touched. */
public class RolloutRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RolloutRefusedException(String message) {
        super(message);
    }
}
