package io.genesis.kubernetes.route;

import io.genesis.core.policy.Percentage;
import io.genesis.core.target.Health;

/**
 * Splits user traffic between stable and candidate. Every router checks what it set: {@link
 * #verifyWeight} answers true only once the split really is in effect.
 */
public interface WeightRouter {

    /** A short description for logs, such as {@code HTTPRoute prod/shop}. */
    String describe();

    /** Sends {@code weight} of the traffic to the candidate, the rest to stable. Idempotent. */
    void setWeight(Percentage weight);

    /** Whether {@code weight} is in effect now; false while it is still being applied. */
    boolean verifyWeight(Percentage weight);

    /**
     * As {@link #verifyWeight}, saying why not: healthy once {@code weight} is in effect, else
     * progressing with what is awaited (which gateway, which reference, the condition's reason and
     * message).
     */
    default Health weightApplied(Percentage weight) {
        return verifyWeight(weight)
                ? Health.healthy(weight + " to the candidate")
                : Health.progressing(describe() + " to apply " + weight);
    }
}
