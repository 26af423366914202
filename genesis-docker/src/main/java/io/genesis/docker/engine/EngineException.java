package io.genesis.docker.engine;

import io.genesis.core.target.TargetException;

/** The Docker engine refused a request or could not be reached; the message names the call and the answer. */
public class EngineException extends TargetException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public EngineException(String message, int status) {
        super(message);
        this.status = status;
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status the engine answered with; 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Whether the engine answered 404 (no such container or image). */
    public boolean notFound() {
        return status == 404;
    }
}
