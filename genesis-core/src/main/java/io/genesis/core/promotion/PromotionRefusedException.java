package io.genesis.core.promotion;

/**
 * A deploy refused because the version has not passed the environments its target environment
 * requires first; thrown before anything is touched. The message names the environment, what is
 * missing and how to bypass.
 */
public final class PromotionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PromotionRefusedException(String message) {
        super(message);
    }
}
