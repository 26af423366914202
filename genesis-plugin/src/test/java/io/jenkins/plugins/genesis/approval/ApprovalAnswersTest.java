package io.jenkins.plugins.genesis.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Identity;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalAnswersTest {

    private static final Instant NOW = ApprovalFixtures.OPENS.plusSeconds(30);

    private final ApprovalRequest request = ApprovalFixtures.request();
    private final ApprovalAction action = ApprovalAction.of(request);
    private final RulesEngine engine = new RulesEngine().waitingFor(request);

    private AnswerOutcome answer(Identity who, String comment, boolean approved) {
        return ApprovalAnswers.answer(action, engine, Optional.of(who), comment, approved, NOW);
    }

    @Test
    void shouldRecordTheApprovalOfAGroupMember() {
        // when
        AnswerOutcome outcome =
                answer(new Identity("carol", Set.of("authenticated", "release-managers"), false), " looks good ", true);

        // then
        assertThat(outcome.accepted()).isTrue();
        assertThat(engine.accepted())
                .singleElement()
                .satisfies(d -> assertThat(d.by().id()).isEqualTo("carol"))
                .satisfies(d -> assertThat(d.account()).isEqualTo("carol"))
                .satisfies(d -> assertThat(d.comment()).isEqualTo("looks good"));
        assertThat(action.getState()).isEqualTo("APPROVED");
        assertThat(action.getAnsweredBy()).isEqualTo("carol");
        assertThat(action.getAnsweredAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(action.getComment()).isEqualTo("looks good");
        assertThat(action.isWaiting()).isFalse();
    }

    @Test
    void shouldRecordARejection() {
        // when
        AnswerOutcome outcome = answer(Identity.user("alice"), "not during the sale", false);

        // then
        assertThat(outcome.accepted()).isTrue();
        assertThat(engine.accepted())
                .singleElement()
                .extracting(ApprovalDecision::approved)
                .isEqualTo(false);
        assertThat(action.getState()).isEqualTo("REJECTED");
        assertThat(action.getComment()).isEqualTo("not during the sale");
    }

    @Test
    void shouldRefuseAnOutsiderWithTheEnginesReasonAndKeepWaiting() {
        // when
        AnswerOutcome outcome = answer(new Identity("mallory", Set.of("authenticated", "developers"), false), "", true);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message())
                .contains("Genesis refused the answer of mallory")
                .contains("mallory may not answer this request")
                .contains("users alice; groups release-managers")
                .contains("keeps waiting");
        assertThat(engine.accepted()).isEmpty();
        assertThat(action.isWaiting()).isTrue();
        assertThat(action.getAnsweredBy()).isNull();
    }

    @Test
    void shouldRefuseSelfApprovalByTheAccountThatStartedTheRollout() {
        // given: bob started the rollout and is in the approvers' group
        Identity bob = new Identity("bob", Set.of("release-managers"), false);

        // when
        AnswerOutcome outcome = answer(bob, "", true);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("bob started this rollout and may not approve it");
        assertThat(action.isWaiting()).isTrue();
    }

    @Test
    void shouldNotLetAnAdministratorThroughWhenApproversAreNamed() {
        // when
        AnswerOutcome outcome = answer(Identity.administrator("root"), "", true);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("root may not answer this request");
    }

    @Test
    void shouldLetAnAdministratorApproveWhereNobodyIsNamed() {
        // given
        ApprovalRequest adminsOnly = ApprovalFixtures.request("r-2", Set.of(), Set.of());
        ApprovalAction adminsAction = ApprovalAction.of(adminsOnly);
        engine.waitingFor(adminsOnly);

        // when
        AnswerOutcome byUser =
                ApprovalAnswers.answer(adminsAction, engine, Optional.of(Identity.user("carol")), "", true, NOW);
        AnswerOutcome byAdmin = ApprovalAnswers.answer(
                adminsAction, engine, Optional.of(Identity.administrator("root")), "", true, NOW);

        // then
        assertThat(byUser.message()).contains("administrators only");
        assertThat(byAdmin.accepted()).isTrue();
        assertThat(adminsAction.getAnsweredBy()).isEqualTo("root");
    }

    @Test
    void shouldRefuseApprovalBeforeTheWaitTimerEnds() {
        // given
        engine.at(ApprovalFixtures.ASKED.plusSeconds(60));

        // when
        AnswerOutcome outcome = answer(Identity.user("alice"), "", true);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("approval opens at " + ApprovalFixtures.OPENS);
    }

    @Test
    void shouldRefuseAnAnonymousUserWithoutAskingTheEngine() {
        // when
        AnswerOutcome outcome = ApprovalAnswers.answer(action, engine, Optional.empty(), "", true, NOW);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).startsWith("Log in to answer");
        assertThat(engine.accepted()).isEmpty();
        assertThat(action.isWaiting()).isTrue();
    }

    @Test
    void shouldRefuseASecondAnswer() {
        // given
        answer(Identity.user("alice"), "", true);

        // when
        AnswerOutcome second = answer(new Identity("carol", Set.of("release-managers"), false), "", false);

        // then
        assertThat(second.accepted()).isFalse();
        assertThat(second.message()).contains("no longer waiting", "approved");
        assertThat(action.getAnsweredBy()).isEqualTo("alice");
        assertThat(engine.accepted()).hasSize(1);
    }

    @Test
    void shouldSayWhenTheEngineNoLongerWaits() {
        // given: the rollout ended while the page was open
        RulesEngine ended = new RulesEngine();

        // when
        AnswerOutcome outcome =
                ApprovalAnswers.answer(action, ended, Optional.of(Identity.user("alice")), "", true, NOW);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("no longer waiting for approval", "rollout r-1 is not waiting");
        assertThat(action.isWaiting()).isTrue();
    }

    @Test
    void shouldSayWhenTheEngineFailsAndRecordNothing() {
        // given
        ApprovalDecisions broken = (id, decision) -> {
            throw new IllegalArgumentException("store unavailable");
        };

        // when
        AnswerOutcome outcome =
                ApprovalAnswers.answer(action, broken, Optional.of(Identity.user("alice")), "", true, NOW);

        // then
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("IllegalArgumentException: store unavailable", "nothing was recorded");
        assertThat(action.isWaiting()).isTrue();
    }
}
