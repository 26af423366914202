package io.jenkins.plugins.genesis.approval;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.ApprovalRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ApprovalDecisions} as the engine's {@code Orchestrator.decide} answers: the engine's own
 * rules ({@link ApprovalRules#refusal}) judge each answer at the engine's time; a refused answer
 * throws {@link ApprovalRefusedException}, an answer to a rollout that no longer waits throws
 * {@link IllegalStateException}.
 */
final class RulesEngine implements ApprovalDecisions {

    private final Map<String, ApprovalRequest> waiting = new HashMap<>();
    private final List<ApprovalDecision> accepted = new ArrayList<>();
    private Instant now = ApprovalFixtures.OPENS;

    RulesEngine waitingFor(ApprovalRequest request) {
        waiting.put(request.rolloutId(), request);
        return this;
    }

    RulesEngine at(Instant time) {
        now = time;
        return this;
    }

    @Override
    public void decide(String rolloutId, ApprovalDecision decision) {
        ApprovalRequest request = waiting.get(rolloutId);
        if (request == null) {
            throw new IllegalStateException("rollout " + rolloutId + " is not waiting for approval; it is SUCCEEDED");
        }
        Optional<String> refusal = ApprovalRules.refusal(request, decision, now);
        if (refusal.isPresent()) {
            throw new ApprovalRefusedException(refusal.get());
        }
        waiting.remove(rolloutId);
        accepted.add(decision);
    }

    List<ApprovalDecision> accepted() {
        return List.copyOf(accepted);
    }
}
