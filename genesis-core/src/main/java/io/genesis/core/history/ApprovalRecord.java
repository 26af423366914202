package io.genesis.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * An approval decision as accepted.
 *
 * @param by who decided
 * @param at when the engine accepted the decision
 * @param approved whether they approved
 * @param comment what they wrote
 */
public record ApprovalRecord(String by, Instant at, boolean approved, String comment) {

    public ApprovalRecord {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment;
    }
}
