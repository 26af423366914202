package io.genesis.core.approval;

import java.util.Objects;

/**
 * An answer to an approval request. The engine stamps it with its own clock when it accepts it.
 *
 * @param approved whether the person approves
 * @param by who answers
 * @param comment why, as they wrote it (may be empty)
 * @param account the account the host says gave the answer (the operating-system user of the
 *     command line, the authenticated user in Jenkins), beside the name {@code by} claims
 */
public record ApprovalDecision(boolean approved, Identity by, String comment, String account) {

    public ApprovalDecision {
        Objects.requireNonNull(by, "by");
        comment = comment == null ? "" : comment.strip();
        account = account == null || account.isBlank() ? by.id() : account;
    }

    public static ApprovalDecision approve(Identity by, String comment) {
        return new ApprovalDecision(true, by, comment, by.id());
    }

    public static ApprovalDecision reject(Identity by, String comment) {
        return new ApprovalDecision(false, by, comment, by.id());
    }

    /** This answer as given from {@code account}. */
    public ApprovalDecision fromAccount(String account) {
        return new ApprovalDecision(approved, by, comment, account);
    }
}
