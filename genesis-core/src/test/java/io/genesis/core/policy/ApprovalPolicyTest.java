package io.genesis.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalPolicyTest {

    @Test
    void shouldNeedNobodyByDefault() {
        ApprovalPolicy none = ApprovalPolicy.none();

        assertThat(none.required()).isFalse();
        assertThat(none.administratorsOnly()).isFalse();
        assertThat(none.timeout()).isEqualTo(ApprovalPolicy.DEFAULT_TIMEOUT);
        assertThat(none.waitTimer()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        // required, approvers, groups, administrators only
        "true, '', '', true",
        "true, alice, '', false",
        "true, '', release-managers, false",
        "false, '', '', false"
    })
    void shouldLeaveApprovalToAdministratorsOnlyWhenNobodyIsNamed(
            boolean required, String approver, String group, boolean administratorsOnly) {
        ApprovalPolicy policy = new ApprovalPolicy(
                required,
                approver.isEmpty() ? Set.of() : Set.of(approver),
                group.isEmpty() ? Set.of() : Set.of(group),
                Duration.ZERO,
                Duration.ofHours(1),
                true);

        assertThat(policy.administratorsOnly()).isEqualTo(administratorsOnly);
        assertThat(policy.preventSelfApproval()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "PT-1M, PT1H, waitTimer must not be negative",
        "PT0S, PT-1H, timeout must not be negative",
        "PT0S, PT0S, timeout must be positive",
        "PT1H, PT1H, must be shorter than its timeout",
        "PT2H, PT1H, must be shorter than its timeout"
    })
    void shouldRefuseTimesNobodyCouldApproveIn(Duration waitTimer, Duration timeout, String expected) {
        assertThatThrownBy(() -> new ApprovalPolicy(true, Set.of(), Set.of(), waitTimer, timeout, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void shouldNotBeChangedThroughTheSetsItWasBuiltFrom() {
        Set<String> approvers = new HashSet<>(Set.of("alice"));
        ApprovalPolicy policy =
                new ApprovalPolicy(true, approvers, Set.of(), Duration.ZERO, Duration.ofHours(1), false);

        approvers.add("mallory");

        assertThat(policy.approvers()).containsExactly("alice");
    }

    @Test
    void shouldRequireEveryPart() {
        assertThatThrownBy(() -> new ApprovalPolicy(true, null, Set.of(), Duration.ZERO, Duration.ofHours(1), false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("approvers");
        assertThatThrownBy(() -> new ApprovalPolicy(true, Set.of(), Set.of(), null, Duration.ofHours(1), false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("waitTimer");
    }
}
