package io.genesis.core.monitor;

/** How one reading, or one sample of readings, compares with the thresholds; ordered from best to worst. */
public enum Classification {
    OK,
    WARNING,
    /** No data, or data that cannot be read: never counted as healthy. */
    INCONCLUSIVE,
    CRITICAL;

    /** The worse of the two. */
    public Classification worst(Classification other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
