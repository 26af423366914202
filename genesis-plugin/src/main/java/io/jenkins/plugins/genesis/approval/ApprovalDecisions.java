package io.jenkins.plugins.genesis.approval;

import io.genesis.core.approval.ApprovalDecision;

/**
 * Hands an approver's answer to the engine, which decides whether it counts (the engine host
 * implements it with {@code Orchestrator.decide}).
 *
 * <p>Implementations let the engine's exceptions through, and {@link ApprovalAnswers} turns them into
 * the message the approver's browser shows: {@code ApprovalRefusedException} (the rules refuse this
 * answer; the rollout keeps waiting), {@code IllegalStateException} (the rollout no longer waits),
 * any other exception (the engine failed).
 */
public interface ApprovalDecisions {

    void decide(String rolloutId, ApprovalDecision decision);
}
