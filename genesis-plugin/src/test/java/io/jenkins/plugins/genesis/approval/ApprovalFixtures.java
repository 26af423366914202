package io.jenkins.plugins.genesis.approval;

import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Approval requests and actions as the engine would ask for them, for the plugin's tests. */
public final class ApprovalFixtures {

    /** When the fixtures' requests are made. */
    public static final Instant ASKED = Instant.parse("2026-12-07T10:00:00Z");

    /** When the wait timer of the fixtures' requests ends. */
    public static final Instant OPENS = ASKED.plus(Duration.ofMinutes(5));

    private ApprovalFixtures() {}

    /** Production, approvable by alice or the release-managers group, bob started it, self-approval prevented. */
    static ApprovalRequest request() {
        return request("r-1", Set.of("alice"), Set.of("release-managers"));
    }

    static ApprovalRequest request(String rolloutId, Set<String> users, Set<String> groups) {
        return new ApprovalRequest(
                rolloutId + "-approval-1",
                rolloutId,
                new DeploymentKey("shop", "production"),
                new Version("1.4.0"),
                "blueGreen",
                "Deploy 1.4.0 of shop to production with blueGreen?",
                users,
                groups,
                users.isEmpty() && groups.isEmpty(),
                "bob",
                true,
                ASKED,
                OPENS,
                ASKED.plus(Duration.ofHours(24)),
                "bob");
    }

    /** A fresh action for {@link #request()}, waiting. */
    public static ApprovalAction waitingAction() {
        return ApprovalAction.of(request());
    }

    /** An action for {@link #request()} that carol approved with a comment. */
    public static ApprovalAction approvedAction() {
        ApprovalAction action = ApprovalAction.of(request());
        action.answered(true, "carol", "  checked the canary dashboards ", OPENS.plusSeconds(60));
        return action;
    }

    /** Whether an approver connected {@code action} to the engine (never so right after it is read from disk). */
    public static boolean isConnected(ApprovalAction action) {
        return action.isConnected();
    }
}
