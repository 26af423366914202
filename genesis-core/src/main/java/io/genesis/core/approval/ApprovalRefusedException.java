package io.genesis.core.approval;

/** An approval decision that the rules refuse; the rollout keeps waiting for an acceptable one. */
public class ApprovalRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApprovalRefusedException(String message) {
        super(message);
    }
}
