package io.genesis.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a rollout as it happened.
 *
 * @param step the step's position in the plan, from 1
 * @param kind the step's kind, such as {@code setWeight}
 * @param description what the step does, such as {@code set weight 10.00 %}
 * @param startedAt when it started
 * @param endedAt when it ended, or {@code null} if it was interrupted
 * @param outcome {@code completed}, {@code failed}, {@code interrupted} or {@code scheduled}
 * @param detail what happened, with measured values where there are any
 */
public record PhaseRecord(
        int step, String kind, String description, Instant startedAt, Instant endedAt, String outcome, String detail) {

    public PhaseRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(startedAt, "startedAt");
        outcome = outcome == null ? "" : outcome;
        detail = detail == null ? "" : detail;
    }

    /** This phase, ended at {@code at} with {@code newOutcome} and {@code newDetail}. */
    public PhaseRecord end(Instant at, String newOutcome, String newDetail) {
        return new PhaseRecord(step, kind, description, startedAt, at, newOutcome, newDetail);
    }
}
