package io.genesis.core.target;

import io.genesis.core.policy.Percentage;
import java.util.Objects;

/**
 * How far a rolling update may step outside the desired instance count: {@code maxSurge} extra
 * instances and {@code maxUnavailable} missing ones, as shares of the desired count.
 *
 * @param maxSurge how many instances may run above the desired count, at most 100 %
 * @param maxUnavailable how many instances may be missing below the desired count, less than 100 %
 */
public record RollingBounds(Percentage maxSurge, Percentage maxUnavailable) {

    /** The release guide's default: 25 % surge, no instance unavailable. */
    public static final RollingBounds DEFAULT = new RollingBounds(new Percentage(25), Percentage.ZERO);

    public RollingBounds {
        Objects.requireNonNull(maxSurge, "maxSurge");
        Objects.requireNonNull(maxUnavailable, "maxUnavailable");
        if (maxUnavailable.equals(Percentage.HUNDRED)) {
            throw new IllegalArgumentException(
                    "maxUnavailable must be below 100 %, or every instance could be down at once; got 100 %");
        }
        if (maxSurge.value() == 0 && maxUnavailable.value() == 0) {
            throw new IllegalArgumentException("maxSurge and maxUnavailable are both 0 %, so no instance could ever be"
                    + " replaced; allow some surge (for example 25 %) or some unavailability");
        }
    }

    /** The share of instances one batch may replace. */
    public double batch() {
        return Math.min(100, maxSurge.value() + maxUnavailable.value());
    }

    @Override
    public String toString() {
        return "max surge " + maxSurge + ", max unavailable " + maxUnavailable;
    }
}
