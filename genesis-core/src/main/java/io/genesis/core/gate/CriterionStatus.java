package io.genesis.core.gate;

/** How one criterion of a gate came out. */
public enum CriterionStatus {
    /** The criterion is met. */
    PASSED,
    /** A threshold was missed, but by no more than the request's unstable margin. */
    UNSTABLE,
    /** The criterion is not met. */
    FAILED;

    /** The status of a measured value against a bar that it should reach, with an unstable margin. */
    static CriterionStatus reaching(double measured, double bar, double unstableMargin) {
        if (measured >= bar) {
            return PASSED;
        }
        return measured >= bar - unstableMargin && unstableMargin > 0 ? UNSTABLE : FAILED;
    }
}
