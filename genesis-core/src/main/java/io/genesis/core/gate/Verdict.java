package io.genesis.core.gate;

import java.util.Collection;

/** What a gate decided. */
public enum Verdict {
    /** Every criterion is met. */
    PASSED,
    /**
     * Nothing failed outright, but a threshold was missed within the unstable margin, or a required
     * test was skipped: worth a warning, as Jenkins marks a build unstable.
     */
    UNSTABLE,
    /** A criterion failed, or the reports could not be read. */
    FAILED,
    /** The gate did not pass, and someone forced it through with a recorded reason. */
    OVERRIDDEN;

    /**
     * The verdict for these criteria: that of the worst effect among them. A criterion of criticality
     * {@link Criticality#NOTE} that is not met is reported, but leaves the verdict as it is.
     */
    static Verdict of(Collection<Criterion> criteria) {
        return Criterion.worstEffect(criteria).map(Criticality::verdict).orElse(PASSED);
    }

    /** The verdict once a request with a force reason is taken into account. */
    Verdict forced(boolean force) {
        return force && (this == FAILED || this == UNSTABLE) ? OVERRIDDEN : this;
    }
}
