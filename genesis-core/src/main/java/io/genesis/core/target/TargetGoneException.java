package io.genesis.core.target;

/**
 * Nothing of the target remains (a sandbox that ended with its process): there is nothing to change
 * and nothing to restore, so trying again cannot help and advice to restore it by hand would mislead.
 */
public class TargetGoneException extends TargetException {

    private static final long serialVersionUID = 1L;

    public TargetGoneException(String message) {
        super(message);
    }
}
