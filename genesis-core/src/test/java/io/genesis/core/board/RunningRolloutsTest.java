package io.genesis.core.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Percentage;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class RunningRolloutsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldListTheJobsRolloutsThatHaveNotEndedNewestFirst() {
        List<RolloutState> states = List.of(
                BoardFixtures.state("r-1", "shop/main#1", Stage.RUNNING, 0),
                BoardFixtures.state("r-2", "shop/main#2", Stage.DONE, 1),
                BoardFixtures.state("r-3", "cart#1", Stage.RUNNING, 2),
                BoardFixtures.state("r-4", "shop/pr-1#1", Stage.QUEUED, 3));
        List<RolloutView> views = List.of(
                view("r-1", RolloutStatus.AWAITING_APPROVAL, 3),
                view("r-2", RolloutStatus.SUCCEEDED, 0),
                view("r-3", RolloutStatus.ANALYSING, 4),
                view("r-4", RolloutStatus.QUEUED, 0));

        List<RunningRow> rows = RunningRollouts.of(states, views, "shop");

        assertThat(rows).extracting(RunningRow::rolloutId).containsExactly("r-4", "r-1");
        RunningRow waiting = rows.get(1);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(waiting.awaitingApproval()).isTrue();
            softly.assertThat(waiting.status()).isEqualTo("AWAITING_APPROVAL");
            softly.assertThat(waiting.step()).isEqualTo("step 3 of 9: approve");
            softly.assertThat(waiting.build()).isEqualTo("shop/main#1");
            softly.assertThat(waiting.application()).isEqualTo("shop");
            softly.assertThat(waiting.environment()).isEqualTo("production");
            softly.assertThat(waiting.version()).isEqualTo("1.2.3");
            softly.assertThat(rows.get(0).step()).isEmpty();
            softly.assertThat(rows.get(0).awaitingApproval()).isFalse();
        });
    }

    @Test
    void shouldLeaveOutARolloutTheEngineNoLongerShows() {
        assertThat(RunningRollouts.of(
                        List.of(BoardFixtures.state("r-1", "shop#1", Stage.RUNNING, 0)), List.of(), "shop"))
                .isEmpty();
    }

    private static RolloutView view(String id, RolloutStatus status, int step) {
        return new RolloutView(
                RolloutId.of(id),
                new io.genesis.core.target.DeploymentKey("shop", "production"),
                new io.genesis.core.target.Version("1.2.3"),
                "blueGreen",
                status,
                step,
                9,
                step == 0 ? "" : "approve",
                Percentage.ZERO,
                "",
                Optional.empty(),
                1);
    }
}
