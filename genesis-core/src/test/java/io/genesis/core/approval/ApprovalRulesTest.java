package io.genesis.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalRulesTest {

    private static final Instant ASKED = Instant.parse("2026-11-27T10:00:00Z");

    private static ApprovalRequest request(Set<String> users, Set<String> groups, boolean adminsOnly, boolean noSelf) {
        return new ApprovalRequest(
                "r-1-approval-1",
                "r-1",
                new DeploymentKey("shop", "production"),
                new Version("1.2.3"),
                "blueGreen",
                "Deploy 1.2.3 of shop to production with blueGreen?",
                users,
                groups,
                adminsOnly,
                "bob",
                noSelf,
                ASKED,
                ASKED.plus(Duration.ofMinutes(5)),
                ASKED.plus(Duration.ofHours(24)),
                null);
    }

    private final ApprovalRequest named = request(Set.of("alice", "bob"), Set.of("release-managers"), false, true);

    @ParameterizedTest(name = "approve {0} s after the request: accepted {1}")
    @CsvSource({"0, false", "299, false", "300, true", "86399, true", "86400, false"})
    void shouldOpenApprovalAfterTheWaitTimerAndCloseItAtTheDeadline(long seconds, boolean accepted) {
        Optional<String> refusal = ApprovalRules.refusal(
                named, ApprovalDecision.approve(Identity.user("alice"), ""), ASKED.plusSeconds(seconds));

        assertThat(refusal.isEmpty()).isEqualTo(accepted);
    }

    @Test
    void shouldLetAnApproverRejectBeforeTheWaitTimer() {
        assertThat(ApprovalRules.refusal(named, ApprovalDecision.reject(Identity.user("alice"), "no"), ASKED))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1}, admin {2}: accepted {3}")
    @CsvSource({
        "alice, '', false, true",
        "carol, release-managers, false, true",
        "carol, developers, false, false",
        "root, '', true, false",
    })
    void shouldAcceptNamedApproversAndGroupMembersOnly(String user, String group, boolean admin, boolean accepted) {
        Identity by = new Identity(user, group.isEmpty() ? Set.of() : Set.of(group), admin);

        Optional<String> refusal =
                ApprovalRules.refusal(named, ApprovalDecision.approve(by, ""), ASKED.plusSeconds(600));

        assertThat(refusal.isEmpty()).isEqualTo(accepted);
        refusal.ifPresent(reason -> assertThat(reason)
                .isEqualTo(user + " may not answer this request; who may: users alice, bob; groups release-managers"));
    }

    @Test
    void shouldAcceptOnlyAdministratorsWhenNobodyIsNamed() {
        ApprovalRequest adminsOnly = request(Set.of(), Set.of(), true, false);
        Instant later = ASKED.plusSeconds(600);

        assertThat(ApprovalRules.refusal(adminsOnly, ApprovalDecision.approve(Identity.user("alice"), ""), later))
                .contains("alice may not answer this request; who may: administrators only (no approvers are named for"
                        + " production)");
        assertThat(ApprovalRules.refusal(
                        adminsOnly, ApprovalDecision.approve(Identity.administrator("root"), ""), later))
                .isEmpty();
    }

    @Test
    void shouldPreventSelfApprovalFromTheInitiatorsAccountWhateverNameIsClaimed() {
        Instant later = ASKED.plusSeconds(600);
        ApprovalDecision claimedAlice =
                ApprovalDecision.approve(Identity.user("alice"), "").fromAccount("bob");

        assertThat(ApprovalRules.refusal(named, claimedAlice, later))
                .contains("the answer comes from the account bob, which started this rollout, and self-approval is"
                        + " prevented for production; another person must approve from their own account");
        assertThat(ApprovalRules.refusal(request(Set.of("alice"), Set.of(), false, false), claimedAlice, later))
                .isEmpty();
        assertThat(ApprovalRules.refusal(named, claimedAlice.fromAccount("carol"), later))
                .isEmpty();
    }

    @Test
    void shouldPreventSelfApprovalWhenAsked() {
        Instant later = ASKED.plusSeconds(600);
        ApprovalDecision selfApproval = ApprovalDecision.approve(Identity.user("bob"), "");

        assertThat(ApprovalRules.refusal(named, selfApproval, later))
                .contains("bob started this rollout and may not approve it: self-approval is prevented for production");
        assertThat(ApprovalRules.refusal(request(Set.of("bob"), Set.of(), false, false), selfApproval, later))
                .isEmpty();
        assertThat(ApprovalRules.refusal(
                        named, ApprovalDecision.reject(Identity.user("bob"), "changed my mind"), later))
                .isEmpty();
    }

    @Test
    void shouldRefuseAnyAnswerAfterTheDeadline() {
        assertThat(ApprovalRules.refusal(
                        named, ApprovalDecision.reject(Identity.user("alice"), ""), ASKED.plus(Duration.ofDays(2))))
                .contains("the approval request timed out at 2026-11-28T10:00:00Z");
    }

    @Test
    void shouldCheckRequestsAndIdentities() {
        assertThatThrownBy(() -> new ApprovalRequest(
                        "id",
                        "r-1",
                        new DeploymentKey("shop", "production"),
                        new Version("1.2.3"),
                        "blueGreen",
                        "?",
                        Set.of(),
                        Set.of(),
                        true,
                        "bob",
                        false,
                        ASKED,
                        ASKED.minusSeconds(1),
                        ASKED,
                        null))
                .hasMessageStartingWith("approval request times must satisfy requestedAt");
        assertThatThrownBy(() -> Identity.user(" ")).hasMessage("an approver's user id must not be blank");
        assertThat(new ApprovalDecision(true, Identity.user("alice"), null, null).account())
                .isEqualTo("alice");
        assertThat(new ApprovalDecision(true, Identity.user("alice"), null, " ").comment())
                .isEmpty();
        assertThat(Identity.user("alice")).hasToString("alice");
        assertThat(request(Set.of(), Set.of(), false, false).describeApprovers())
                .isEqualTo("nobody");
        assertThat(request(Set.of(), Set.of("ops"), false, false).describeApprovers())
                .isEqualTo("groups ops");
    }
}
