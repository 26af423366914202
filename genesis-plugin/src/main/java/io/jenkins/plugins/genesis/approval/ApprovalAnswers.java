package io.jenkins.plugins.genesis.approval;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.Identity;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a click on approve or reject into a decision for the engine, and the engine's reply into
 * what the approver sees. The engine's rules decide (group membership, self-approval, administrators,
 * the wait timer, the deadline); this class only refuses what cannot even be asked: an anonymous
 * user, or a request that no longer waits.
 */
final class ApprovalAnswers {

    private ApprovalAnswers() {}

    /**
     * Hands {@code who}'s answer to {@code action}'s rollout and, when the engine accepts it,
     * records it on the action at {@code now}.
     */
    static AnswerOutcome answer(
            ApprovalAction action,
            ApprovalDecisions decisions,
            Optional<Identity> who,
            String comment,
            boolean approved,
            Instant now) {
        if (who.isEmpty()) {
            return AnswerOutcome.refused(Messages.LOG_IN.format());
        }
        if (!action.isWaiting()) {
            return AnswerOutcome.refused(Messages.NO_LONGER_WAITING.format(
                    action.getQuestion(), action.getState().toLowerCase(Locale.ROOT)));
        }
        Identity by = who.get();
        // The account is the authenticated Jenkins user: the engine compares it with the account that started the
        // rollout for self-approval, beside the name.
        ApprovalDecision decision = new ApprovalDecision(approved, by, comment, by.id());
        try {
            decisions.decide(action.getRolloutId(), decision);
        } catch (ApprovalRefusedException e) {
            return AnswerOutcome.refused(Messages.REFUSED.format(by.id(), e.getMessage()));
        } catch (IllegalStateException e) {
            return AnswerOutcome.refused(Messages.ENGINE_NOT_WAITING.format(e.getMessage()));
        } catch (RuntimeException e) {
            return AnswerOutcome.refused(Messages.ENGINE_FAILED.format(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        action.answered(approved, by.id(), decision.comment(), now);
        return AnswerOutcome.ok();
    }
}
