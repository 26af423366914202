package io.genesis.core.approval;

import java.util.Objects;

/**
 * An answer to an approval request. The engine stamps it with its own clock when it accepts it.
 *
 * @param approved whether the person approves
 * @param by who answers
 * @param comment why, as they wrote it (may be empty)
 */
public record ApprovalDecision(boolean approved, Identity by, String comment) {

    public ApprovalDecision {
        Objects.requireNonNull(by, "by");
        comment = comment == null ? "" : comment.strip();
    }

    public static ApprovalDecision approve(Identity by, String comment) {
        return new ApprovalDecision(true, by, comment);
    }

    public static ApprovalDecision reject(Identity by, String comment) {
        return new ApprovalDecision(false, by, comment);
    }
}
