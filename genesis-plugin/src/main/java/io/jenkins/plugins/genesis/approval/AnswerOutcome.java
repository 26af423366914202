package io.jenkins.plugins.genesis.approval;

/**
 * What became of an approver's answer: accepted by the engine, or refused with the message the
 * approver's browser shows.
 *
 * @param accepted whether the engine accepted the answer
 * @param message why it was refused; empty when accepted
 */
record AnswerOutcome(boolean accepted, String message) {

    static AnswerOutcome ok() {
        return new AnswerOutcome(true, "");
    }

    static AnswerOutcome refused(String message) {
        return new AnswerOutcome(false, message);
    }
}
