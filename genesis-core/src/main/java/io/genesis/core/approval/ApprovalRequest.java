package io.genesis.core.approval;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A question put to approvers. The engine stores it before asking, and takes the answer later
 * through its {@code decide} call, so nothing waits on a thread meanwhile.
 *
 * @param requestId unique id; asking twice with the same id is one request
 * @param rolloutId the rollout waiting for the answer
 * @param key the application and environment
 * @param version the version to deploy
 * @param strategy the strategy's name
 * @param question the question people see, such as {@code Deploy 1.4.0 to production with blueGreen?}
 * @param approvers users who may approve
 * @param approverGroups groups whose members may approve
 * @param administratorsOnly whether only administrators may approve (nobody is named)
 * @param initiator who started the rollout
 * @param selfApprovalPrevented whether the initiator is refused as approver, by name or by account
 * @param requestedAt when the request was made
 * @param notBefore when approval becomes possible (the wait timer)
 * @param deadline when the request times out and the rollout is aborted
 * @param initiatorAccount the account that started the rollout, beside the name it gave
 */
public record ApprovalRequest(
        String requestId,
        String rolloutId,
        DeploymentKey key,
        Version version,
        String strategy,
        String question,
        Set<String> approvers,
        Set<String> approverGroups,
        boolean administratorsOnly,
        String initiator,
        boolean selfApprovalPrevented,
        Instant requestedAt,
        Instant notBefore,
        Instant deadline,
        String initiatorAccount) {

    public ApprovalRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(question, "question");
        approvers = Set.copyOf(new TreeSet<>(Objects.requireNonNull(approvers, "approvers")));
        approverGroups = Set.copyOf(new TreeSet<>(Objects.requireNonNull(approverGroups, "approverGroups")));
        Objects.requireNonNull(initiator, "initiator");
        initiatorAccount = initiatorAccount == null || initiatorAccount.isBlank() ? initiator : initiatorAccount;
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(deadline, "deadline");
        if (notBefore.isBefore(requestedAt) || !deadline.isAfter(notBefore)) {
            throw new IllegalArgumentException("approval request times must satisfy requestedAt (" + requestedAt
                    + ") <= notBefore (" + notBefore + ") < deadline (" + deadline + ")");
        }
    }

    /** Who may answer, for messages: {@code users alice, bob; groups release-managers}. */
    public String describeApprovers() {
        if (administratorsOnly) {
            return "administrators only (no approvers are named for " + key.environment() + ")";
        }
        StringBuilder text = new StringBuilder();
        if (!approvers.isEmpty()) {
            text.append("users ").append(String.join(", ", new TreeSet<>(approvers)));
        }
        if (!approverGroups.isEmpty()) {
            text.append(text.length() > 0 ? "; " : "")
                    .append("groups ")
                    .append(String.join(", ", new TreeSet<>(approverGroups)));
        }
        return text.length() == 0 ? "nobody" : text.toString();
    }
}
