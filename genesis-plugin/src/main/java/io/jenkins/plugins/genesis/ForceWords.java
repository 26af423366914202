package io.jenkins.plugins.genesis;

/**
 * How a Pipeline script spells force and its reason ({@code force: true, reason: '...'}), for the
 * engine's force rule, which names them in its messages: the gate and the deploy step spell them alike.
 */
public final class ForceWords {

    /** The parameter that forces a gate or the promotion path through. */
    public static final String FORCE = "force: true";

    /** The parameter that says why. */
    public static final String REASON = "reason";

    private ForceWords() {}
}
