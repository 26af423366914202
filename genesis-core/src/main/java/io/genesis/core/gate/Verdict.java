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

    /** The verdict for these criteria: the worst of them. */
    static Verdict of(Collection<Criterion> criteria) {
        Verdict verdict = PASSED;
        for (Criterion criterion : criteria) {
            switch (criterion.status()) {
                case FAILED -> verdict = FAILED;
                case UNSTABLE -> verdict = verdict == FAILED ? FAILED : UNSTABLE;
                case PASSED -> {
                    // Passing criteria never worsen a verdict.
                }
            }
        }
        return verdict;
    }

    /** The verdict once a request with a force reason is taken into account. */
    Verdict forced(boolean force) {
        return force && (this == FAILED || this == UNSTABLE) ? OVERRIDDEN : this;
    }
}
