package io.genesis.kubernetes.manifest;

/**
 * Applying a manifest folder failed at one object: the message names the object, its file,
 * whether anything was written, and the server's answer.
 */
public class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
