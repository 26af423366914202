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
 * @param account the account the answer came from, beside the name {@code by} gave; {@code by} in
 *     records written before accounts were recorded
 */
public record ApprovalRecord(String by, Instant at, boolean approved, String comment, String account) {

    public ApprovalRecord {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment;
        account = account == null || account.isBlank() ? by : account;
    }

    /** A decision given from the account of the name it gave. */
    public ApprovalRecord(String by, Instant at, boolean approved, String comment) {
        this(by, at, approved, comment, by);
    }
}
