package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StuckLocksTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final DeploymentKey SHOP = new DeploymentKey("shop", "production");

    private final InMemoryRolloutLock locks = new InMemoryRolloutLock();
    private final InMemoryRolloutStateStore states = new InMemoryRolloutStateStore();
    private final StuckLocks stuck = new StuckLocks(locks, states);

    @Test
    void shouldSayThereIsNothingToReleaseWhenNothingHoldsTheLock() {
        StuckLocks.Outcome outcome = stuck.release(SHOP, T0);

        assertThat(outcome.released()).isFalse();
        assertThat(outcome.message())
                .isEqualTo("nothing holds the lock of shop in production; there is nothing to release");
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"RUNNING", "HALTED", "ROLLING_BACK", "FINISHING"})
    void shouldNeverReleaseTheLockOfARolloutThatStillHoldsIt(Stage stage) {
        states.save(in(stage));
        locks.acquire(SHOP, "r-1", "engine-1", T0, Duration.ofMinutes(5));

        StuckLocks.Outcome outcome = stuck.release(SHOP, T0.plusSeconds(60));

        assertThat(outcome.released()).isFalse();
        assertThat(outcome.message())
                .isEqualTo("rollout r-1 holds the lock of shop in production and is " + stage
                        + " (engine engine-1, lease until 2026-11-27T10:05:00Z); abort that rollout instead of"
                        + " releasing its lock");
        assertThat(locks.current(SHOP)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"DONE", "QUEUED"})
    void shouldReleaseTheLockOfARolloutInAStageThatHoldsNone(Stage stage) {
        states.save(in(stage));
        locks.acquire(SHOP, "r-1", "engine-1", T0, Duration.ofMinutes(5));

        StuckLocks.Outcome outcome = stuck.release(SHOP, T0.plusSeconds(60));

        assertThat(outcome.released()).isTrue();
        assertThat(outcome.message())
                .isEqualTo("released the lock of shop in production held by rollout r-1, which is " + stage
                        + " and holds no lock");
        assertThat(locks.current(SHOP)).isEmpty();
    }

    @Test
    void shouldReleaseTheLockOfARolloutThatIsNotStored() {
        locks.acquire(SHOP, "r-gone", "engine-1", T0, Duration.ofMinutes(5));

        StuckLocks.Outcome outcome = stuck.release(SHOP, T0);

        assertThat(outcome.released()).isTrue();
        assertThat(outcome.message()).endsWith("held by rollout r-gone, which is not stored");
        assertThat(locks.current(SHOP)).isEmpty();
    }

    @Test
    void shouldReleaseALeaseThatRanOutWhateverItsRolloutSays() {
        states.save(in(Stage.RUNNING));
        locks.acquire(SHOP, "r-1", "engine-1", T0, Duration.ofMinutes(5));

        StuckLocks.Outcome outcome = stuck.release(SHOP, T0.plus(Duration.ofMinutes(6)));

        assertThat(outcome.released()).isTrue();
        assertThat(outcome.message()).endsWith("held by rollout r-1, whose lease ran out at 2026-11-27T10:05:00Z");
    }

    private static RolloutState in(Stage stage) {
        RolloutRequest request = RolloutRequest.builder(
                        "shop", Environments.defaults().named("production"))
                .commit("a1b2c3d4e5f6")
                .ref(SourceRef.tag("v1.2.3"))
                .target(TargetSpec.of("recording"))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob")
                .build();
        Plan plan = Strategies.named("blueGreen").plan(new Capabilities("recording", true, true));
        return RolloutState.queued(RolloutId.of("r-1"), request, plan, "recording", "engine-1", T0, T0)
                .edit()
                .stage(stage)
                .build();
    }
}
