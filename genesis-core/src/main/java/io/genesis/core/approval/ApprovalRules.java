package io.genesis.core.approval;

import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a person may answer an approval request now: the wait timer, the deadline, who may
 * approve (named users and groups, else administrators only) and self-approval.
 */
public final class ApprovalRules {

    private ApprovalRules() {}

    /** Why {@code decision} is refused at {@code now}, or empty when it is accepted. */
    public static Optional<String> refusal(ApprovalRequest request, ApprovalDecision decision, Instant now) {
        Identity by = decision.by();
        if (!now.isBefore(request.deadline())) {
            return Optional.of("the approval request timed out at " + request.deadline());
        }
        if (!mayAnswer(request, by)) {
            return Optional.of(by.id() + " may not answer this request; who may: " + request.describeApprovers());
        }
        if (!decision.approved()) {
            return Optional.empty();
        }
        if (now.isBefore(request.notBefore())) {
            return Optional.of("approval opens at " + request.notBefore() + " ("
                    + Durations.format(Duration.between(request.requestedAt(), request.notBefore()))
                    + " wait timer for " + request.key().environment() + "); it is now " + now
                    + ", so ask again in " + Durations.format(Duration.between(now, request.notBefore())));
        }
        if (request.selfApprovalPrevented() && by.id().equals(request.initiator())) {
            return Optional.of(by.id() + " started this rollout and may not approve it: self-approval is prevented for "
                    + request.key().environment());
        }
        if (request.selfApprovalPrevented() && decision.account().equals(request.initiatorAccount())) {
            return Optional.of("the answer comes from the account " + decision.account()
                    + ", which started this rollout, and self-approval is prevented for "
                    + request.key().environment() + "; another person must approve from their own account");
        }
        return Optional.empty();
    }

    private static boolean mayAnswer(ApprovalRequest request, Identity by) {
        if (request.administratorsOnly()) {
            return by.administrator();
        }
        return request.approvers().contains(by.id())
                || by.groups().stream().anyMatch(request.approverGroups()::contains);
    }
}
