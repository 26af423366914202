package io.genesis.core.approval;

/**
 * Puts approval requests to people: Jenkins through its input step, the command line through a
 * prompt or a flag. The answer does not come back through this port: the host hands it to the
 * engine's {@code decide} call whenever it arrives.
 */
public interface Approver {

    /**
     * Shows {@code request} to its approvers. Called again with the same request after a restart,
     * so it must treat a known {@code requestId} as already shown.
     */
    void request(ApprovalRequest request);

    /** Takes a request back because it was superseded, timed out or answered; by default nothing to do. */
    default void withdraw(ApprovalRequest request, String reason) {
        // Hosts whose prompts vanish on their own need not do anything.
    }
}
