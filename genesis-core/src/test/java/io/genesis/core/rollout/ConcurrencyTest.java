package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");

    private final Harness world = Harness.inMemory();

    @Test
    void shouldQueueASecondRolloutForTheSameKeyUntilTheFirstEnds() {
        Orchestrator engine = world.engine();
        RolloutId first = engine.submit(world.request("shop", Harness.STAGING).build());
        RolloutId second = engine.submit(world.request("shop", Harness.STAGING)
                .commit("0123456789abcdef")
                .build());

        assertThat(engine.view(second).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);
        assertThat(world.messages()).anySatisfy(m -> assertThat(m).endsWith("waiting for rollout r-0001 to end"));
        world.drive(engine);

        DeploymentRecord a = world.record(first).orElseThrow();
        DeploymentRecord b = world.record(second).orElseThrow();
        assertThat(a.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(b.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(b.phases().get(0).startedAt()).isAfterOrEqualTo(a.endedAt());
        RecordingTarget target = world.target(SHOP);
        assertThat(target.conflicts()).isZero();
        assertThat(target.stable()).isEqualTo("dev-0123456");
        // The second rollout needs the slot the first one kept its previous version in.
        PhaseRecord keptSlot = a.phases().get(a.phases().size() - 1);
        assertThat(keptSlot.outcome()).isEqualTo("completed");
        assertThat(keptSlot.endedAt()).isEqualTo(b.phases().get(0).startedAt());
    }

    @Test
    void shouldRefuseASecondRolloutWhenConfiguredTo() {
        world.settings = world.settings.withWhenBusy(ConcurrencyPolicy.REFUSE);
        Orchestrator engine = world.engine();
        engine.submit(world.request("shop", Harness.STAGING).build());

        assertThatThrownBy(() ->
                        engine.submit(world.request("shop", Harness.STAGING).build()))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessage("shop in staging is busy with rollout r-0001 (version dev-a1b2c3d, ANALYSING);"
                        + " try again when it has ended");
    }

    @Test
    void shouldNotBlockAnotherApplicationInTheSameEnvironment() {
        Orchestrator engine = world.engine();
        RolloutId shop = engine.submit(world.request("shop", Harness.STAGING).build());
        RolloutId cart = engine.submit(world.request("cart", Harness.STAGING).build());

        assertThat(engine.view(shop).orElseThrow().status()).isEqualTo(RolloutStatus.ANALYSING);
        assertThat(engine.view(cart).orElseThrow().status()).isEqualTo(RolloutStatus.ANALYSING);
        assertThat(world.locks.current(SHOP)).isPresent();
        assertThat(world.locks.current(new DeploymentKey("cart", "staging"))).isPresent();
        world.drive(engine);
        assertThat(world.records())
                .extracting(DeploymentRecord::status)
                .containsOnly(RecordStatus.SUCCEEDED)
                .hasSize(2);
    }

    @Test
    void shouldSupersedeAnOlderRolloutStillWaitingForApproval() {
        Orchestrator engine = world.engine();
        RolloutId older =
                engine.submit(world.request("shop", Harness.PRODUCTION).build());
        world.clock.advance(Duration.ofMinutes(1));

        RolloutId newer = engine.submit(world.request("shop", Harness.PRODUCTION)
                .commit("0123456789abcdef")
                .build());

        DeploymentRecord superseded = world.record(older).orElseThrow();
        assertThat(superseded.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(superseded.reason()).isEqualTo("superseded by rollout r-0002 (version 1.2.3)");
        assertThat(world.approver.withdrawn())
                .containsExactly("r-0001-approval-1: superseded by rollout r-0002 (version 1.2.3)");
        assertThat(engine.view(newer).orElseThrow().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        assertThat(world.target(new DeploymentKey("shop", "production")).operations())
                .isEmpty();
        assertThat(world.states.load(newer).orElseThrow().journal().notes())
                .as("recorded on both rollouts")
                .contains("superseded rollout r-0001 (version 1.2.3), which was still awaiting approval");
    }

    @Test
    void shouldQueueInsteadOfSupersedingWhenSupersedingIsOff() {
        world.settings = world.settings.withSupersedeAwaitingApproval(false);
        Orchestrator engine = world.engine();
        RolloutId older =
                engine.submit(world.request("shop", Harness.PRODUCTION).build());

        RolloutId newer =
                engine.submit(world.request("shop", Harness.PRODUCTION).build());

        assertThat(engine.view(older).orElseThrow().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        assertThat(engine.view(newer).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);
    }

    @Test
    void shouldNeverSupersedeARolloutThatTouchedTheTarget() {
        Orchestrator engine = world.engine();
        RolloutId older = engine.submit(world.request("shop", Harness.STAGING).build());

        RolloutId newer = engine.submit(world.request("shop", Harness.STAGING).build());

        assertThat(engine.view(older).orElseThrow().status()).isEqualTo(RolloutStatus.ANALYSING);
        assertThat(engine.view(newer).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);
    }

    @Test
    void shouldSupersedeAQueuedRolloutToo() {
        Orchestrator engine = world.engine();
        RolloutId running = engine.submit(world.request("shop", Harness.STAGING).build());
        RolloutId queued = engine.submit(world.request("shop", Harness.STAGING).build());

        RolloutId newest = engine.submit(world.request("shop", Harness.STAGING).build());

        assertThat(world.record(queued).orElseThrow().reason()).startsWith("superseded by rollout " + newest);
        assertThat(engine.view(running).orElseThrow().status()).isEqualTo(RolloutStatus.ANALYSING);
        assertThat(engine.view(newest).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);
    }
}
