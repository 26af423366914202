package io.jenkins.plugins.genesis.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import hudson.model.Run;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Identity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JenkinsApproverTest {

    private static final Instant NOW = ApprovalFixtures.OPENS.plusSeconds(10);

    private final ApprovalRequest request = ApprovalFixtures.request();
    private final FakeBuild build = new FakeBuild();
    private final Map<String, FakeBuild> builds = new HashMap<>(Map.of("r-1", build));
    private final RecordingNodes nodes = new RecordingNodes();
    private final RulesEngine engine = new RulesEngine().waitingFor(request);

    private JenkinsApprover approver() {
        return new JenkinsApprover(
                id -> Optional.ofNullable(builds.get(id)), engine, nodes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldShowTheRequestOnTheBuildPauseTheStepAndLinkItInTheLog() {
        // when
        approver().request(request);

        // then
        assertThat(build.actions).singleElement().satisfies(action -> {
            assertThat(action.getRequestId()).isEqualTo("r-1-approval-1");
            assertThat(action.getQuestion()).isEqualTo(request.question());
            assertThat(action.getWhoMayAnswer()).isEqualTo("users alice; groups release-managers");
            assertThat(action.isWaiting()).isTrue();
            assertThat(ApprovalFixtures.isConnected(action)).isTrue();
        });
        assertThat(build.saves).isEqualTo(1);
        assertThat(nodes.calls)
                .containsExactly("pause r-1 Approval: Genesis: " + request.question()
                        + " Approve or reject at http://127.0.0.1:8080/job/shop/7/genesis-approval/"
                        + " (who may answer: users alice; groups release-managers; approval opens at "
                        + ApprovalFixtures.OPENS + " and times out at " + request.deadline() + ")");
    }

    @Test
    void shouldShowARequestOnceWhenAskedAgain() {
        // given
        JenkinsApprover approver = approver();
        approver.request(request);

        // when: the engine asks again (after a restart it always does)
        approver.request(request);

        // then: one action, the pause restored if missing, no second line in the log
        assertThat(build.actions).hasSize(1);
        assertThat(build.saves).isEqualTo(1);
        assertThat(nodes.calls).hasSize(2).last().isEqualTo("pause r-1 Approval: -");
    }

    @Test
    void shouldConnectTheStoredRequestAgainAfterARestartAndTakeTheAnswer() {
        // given: the build's action as Jenkins reads it back from disk after a restart
        approver().request(request);
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.genesis.**"});
        ApprovalAction reloaded = (ApprovalAction) xstream.fromXML(xstream.toXML(build.actions.get(0)));
        build.actions.set(0, reloaded);
        assertThat(ApprovalFixtures.isConnected(reloaded)).isFalse();

        // when: the new engine re-asks, then carol answers
        JenkinsApprover afterRestart = approver();
        afterRestart.request(request);
        AnswerOutcome outcome = afterRestart.answer(
                reloaded, Optional.of(new Identity("carol", Set.of("release-managers"), false)), "go", true);

        // then
        assertThat(ApprovalFixtures.isConnected(reloaded)).isTrue();
        assertThat(build.actions).hasSize(1);
        assertThat(outcome.accepted()).isTrue();
        assertThat(reloaded.getState()).isEqualTo("APPROVED");
        assertThat(reloaded.getAnsweredAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(nodes.calls).last().isEqualTo("end r-1 Genesis: approved by carol. go");
        assertThat(build.saves).isEqualTo(2);
    }

    @Test
    void shouldKeepTheStepPausedWhenTheEngineRefusesTheAnswer() {
        // given
        JenkinsApprover approver = approver();
        approver.request(request);
        ApprovalAction action = build.actions.get(0);

        // when
        AnswerOutcome outcome = approver.answer(action, Optional.of(Identity.user("bob")), "", true);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(nodes.calls).noneMatch(call -> call.startsWith("end"));
        assertThat(build.saves).isEqualTo(1);
    }

    @Test
    void shouldMarkAWithdrawnRequestAndEndThePause() {
        // given
        JenkinsApprover approver = approver();
        approver.request(request);

        // when
        approver.withdraw(request, "approval timed out: nobody answered within 24h");

        // then
        ApprovalAction action = build.actions.get(0);
        assertThat(action.getState()).isEqualTo("WITHDRAWN");
        assertThat(action.getWithdrawnReason()).isEqualTo("approval timed out: nobody answered within 24h");
        assertThat(action.getIconFileName()).isNull();
        assertThat(nodes.calls)
                .last()
                .isEqualTo(
                        "end r-1 Genesis: the approval request was withdrawn: approval timed out: nobody answered within 24h");
    }

    @Test
    void shouldNotWithdrawAnAnsweredRequest() {
        // given
        JenkinsApprover approver = approver();
        approver.request(request);
        approver.answer(build.actions.get(0), Optional.of(Identity.user("alice")), "", true);
        int calls = nodes.calls.size();

        // when
        approver.withdraw(request, "superseded");

        // then
        assertThat(build.actions.get(0).getState()).isEqualTo("APPROVED");
        assertThat(nodes.calls).hasSize(calls);
    }

    @Test
    void shouldCloseTheWaitingRequestsOfARolloutThatEnded() {
        // given: the request of rollout r-1 waits, an earlier one was answered
        JenkinsApprover approver = approver();
        ApprovalAction answered = ApprovalFixtures.approvedAction();
        build.actions.add(answered);
        ApprovalRequest second = new ApprovalRequest(
                "r-1-approval-2",
                "r-1",
                request.key(),
                request.version(),
                request.strategy(),
                request.question(),
                request.approvers(),
                request.approverGroups(),
                false,
                "bob",
                true,
                request.requestedAt(),
                request.notBefore(),
                request.deadline(),
                "bob");
        approver.request(second);

        // when
        approver.close("r-1", "the build was aborted");

        // then
        assertThat(build.actions.get(1).getState()).isEqualTo("WITHDRAWN");
        assertThat(build.actions.get(1).getWithdrawnReason()).isEqualTo("the build was aborted");
        assertThat(answered.getState()).isEqualTo("APPROVED");
        assertThat(nodes.calls)
                .last()
                .isEqualTo("end r-1 Genesis: the approval request was withdrawn: the build was aborted");
    }

    @Test
    void shouldRefuseToAskWhenTheBuildIsGone() {
        // given
        builds.clear();

        // then
        assertThatThrownBy(() -> approver().request(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no build shows rollout r-1");
    }

    @Test
    void shouldIgnoreAWithdrawalWhenTheBuildIsGone() {
        // given
        builds.clear();

        // when
        approver().withdraw(request, "superseded");

        // then
        assertThat(nodes.calls).isEmpty();
    }

    private static final class FakeBuild implements BuildApprovals {
        final List<ApprovalAction> actions = new ArrayList<>();
        int saves;

        @Override
        public List<ApprovalAction> approvals() {
            return List.copyOf(actions);
        }

        @Override
        public void add(ApprovalAction action) {
            actions.add(action);
        }

        @Override
        public void save() {
            saves++;
        }

        @Override
        public String urlOf(ApprovalAction action) {
            return "http://127.0.0.1:8080/job/shop/7/" + ApprovalAction.URL_NAME + "/";
        }

        @Override
        public Run<?, ?> run() {
            throw new AssertionError("the fake nodes need no build");
        }
    }

    private static final class RecordingNodes implements WaitingNodes {
        final List<String> calls = new ArrayList<>();

        @Override
        public void pause(BuildApprovals build, String rolloutId, String cause, String consoleLine) {
            calls.add("pause " + rolloutId + " " + cause + ": " + (consoleLine == null ? "-" : consoleLine));
        }

        @Override
        public void endPause(BuildApprovals build, String rolloutId, String consoleLine) {
            calls.add("end " + rolloutId + " " + consoleLine);
        }
    }
}
