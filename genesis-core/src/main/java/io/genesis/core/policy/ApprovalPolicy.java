package io.genesis.core.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who must agree before a rollout to an environment goes on, and when they may.
 *
 * @param required whether a person must approve at all
 * @param approvers user ids allowed to approve
 * @param approverGroups group (authority) names whose members may approve
 * @param waitTimer how long after the request approval becomes possible
 * @param timeout how long a request waits for a decision before the rollout is aborted
 * @param preventSelfApproval whether the person who started the rollout is refused as approver
 */
public record ApprovalPolicy(
        boolean required,
        Set<String> approvers,
        Set<String> approverGroups,
        Duration waitTimer,
        Duration timeout,
        boolean preventSelfApproval) {

    /** Long enough for people in other time zones, short enough that a forgotten prompt ends. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    public ApprovalPolicy {
        approvers = Set.copyOf(new TreeSet<>(Objects.requireNonNull(approvers, "approvers")));
        approverGroups = Set.copyOf(new TreeSet<>(Objects.requireNonNull(approverGroups, "approverGroups")));
        requireNotNegative("waitTimer", waitTimer);
        requireNotNegative("timeout", timeout);
        if (timeout.isZero()) {
            throw new IllegalArgumentException("approval timeout must be positive, got " + timeout);
        }
        if (waitTimer.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("approval waitTimer (" + waitTimer
                    + ") must be shorter than its timeout (" + timeout + "), or nobody could ever approve");
        }
    }

    /** No approval needed. */
    public static ApprovalPolicy none() {
        return new ApprovalPolicy(false, Set.of(), Set.of(), Duration.ZERO, DEFAULT_TIMEOUT, false);
    }

    /**
     * Whether only administrators can approve: approval is required but nobody is named, which
     * must never mean "anybody".
     */
    public boolean administratorsOnly() {
        return required && approvers.isEmpty() && approverGroups.isEmpty();
    }

    private static void requireNotNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException("approval " + field + " must not be negative, got " + value);
        }
    }
}
