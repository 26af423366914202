package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.Identity;
import io.genesis.core.notify.Notification;
import io.genesis.core.notify.NotificationKind;
import io.genesis.core.notify.Notifications;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The milestones a rollout tells, and the notifications made of them. */
class RolloutMilestonesTest {

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();

    @Test
    void shouldTellStartedWaitingForApprovalAndPromotedWithTheStateAsStored() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());
        world.drive(engine);

        assertThat(world.milestones)
                .extracting(Harness.Told::milestone)
                .containsExactly(RolloutMilestone.STARTED, RolloutMilestone.AWAITING_APPROVAL, RolloutMilestone.ENDED);
        List<Notification> told = notifications();
        assertThat(told)
                .extracting(Notification::kind)
                .containsExactly(
                        NotificationKind.ROLLOUT_STARTED,
                        NotificationKind.ROLLOUT_AWAITING_APPROVAL,
                        NotificationKind.ROLLOUT_PROMOTED);
        assertThat(told)
                .extracting(Notification::id)
                .doesNotHaveDuplicates()
                .startsWith(id.value() + ".rollout.started");
        assertThat(told).allSatisfy(n -> {
            assertThat(n.application()).isEqualTo("shop");
            assertThat(n.environment()).isEqualTo("production");
            assertThat(n.version()).isEqualTo("1.2.3");
            assertThat(n.rollout()).isEqualTo(id.value());
        });
        assertThat(told.get(1).summary()).isEqualTo("rollout of shop 1.2.3 to production is waiting for approval");
        assertThat(told.get(1).detail()).startsWith("waiting for approval: ");
        assertThat(told.get(2).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void shouldTellARollbackWithItsReason() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(3)));

        engine.rollback(id, "checkout looks wrong", "carol");
        world.drive(engine);

        Notification last = notifications().get(notifications().size() - 1);
        assertThat(last.kind()).isEqualTo(NotificationKind.ROLLOUT_ROLLED_BACK);
        assertThat(last.id()).isEqualTo(id.value() + ".rollout.rolled-back");
        assertThat(last.summary()).endsWith("was rolled back: rolled back by carol: checkout looks wrong");
        assertThat(last.status()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void shouldTellNothingWhenARolloutEndsHavingTouchedNothing() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());
        engine.decide(id, ApprovalDecision.reject(Identity.user("alice"), "not during the sale"));

        Harness.Told ended = world.milestones.get(world.milestones.size() - 1);
        assertThat(ended.milestone()).isEqualTo(RolloutMilestone.ENDED);
        assertThat(Notifications.of(ended.milestone(), ended.state(), ended.event()))
                .isEmpty();
    }

    private List<Notification> notifications() {
        return world.milestones.stream()
                .map(t -> Notifications.of(t.milestone(), t.state(), t.event()))
                .flatMap(Optional::stream)
                .toList();
    }
}
