package io.jenkins.plugins.genesis.approval;

/** Where an approval request shown on a build stands. */
public enum ApprovalState {
    /** Nobody answered yet; the form is shown. */
    WAITING,
    /** An approver approved it and the engine accepted the answer. */
    APPROVED,
    /** An approver rejected it and the engine accepted the answer. */
    REJECTED,
    /** The engine took it back: timed out or superseded by a newer rollout. */
    WITHDRAWN
}
