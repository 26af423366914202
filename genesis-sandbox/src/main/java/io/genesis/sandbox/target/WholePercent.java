package io.genesis.sandbox.target;

import io.genesis.core.policy.Percentage;
import java.util.Objects;

/**
 * Turns the engine's percentages (hundredths, such as a rolling batch of 33.33 %) into the proxy's whole
 * percentages. Rounds to the nearest whole percent, but never turns a partial share into none or all: above
 * 0 is at least 1, below 100 is at most 99, so a canary at 0.5 % still gets traffic and a batch at 99.5 %
 * still leaves some on the stable version.
 */
final class WholePercent {

    private WholePercent() {}

    static int of(Percentage share) {
        double value = Objects.requireNonNull(share, "share").value();
        if (value == 0 || value == 100) {
            return (int) value;
        }
        long rounded = Math.round(value);
        return (int) Math.max(1, Math.min(99, rounded));
    }
}
