package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetLocksTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");

    private final InMemoryRolloutStateStore states = new InMemoryRolloutStateStore();
    private final InMemoryRolloutLock stateDirectory = new InMemoryRolloutLock();
    private final InMemoryRolloutLock withTheTarget = new InMemoryRolloutLock();
    private final RecordingKind recording = new RecordingKind();
    private final TargetLocks locks =
            new TargetLocks(states, new TargetKinds(List.of(recording, SandboxKind.standard())), stateDirectory);

    private void store(String id, String kind, Instant submitted) {
        RolloutRequest request = RolloutRequest.builder(
                        "shop", Environments.defaults().named("staging"))
                .commit("a1b2c3d4e5f6")
                .ref(SourceRef.branch("main"))
                .target(new TargetSpec(kind, Map.of()))
                .initiator("bob")
                .build();
        states.save(RolloutState.queued(
                RolloutId.of(id),
                request,
                Strategies.named("rolling").plan(new Capabilities(kind, false, true)),
                kind,
                "engine-1",
                submitted,
                submitted.plus(TTL)));
    }

    @Test
    void shouldKeepTheLockWithTheTargetWhenItsKindKeepsOne() {
        recording.lock = Optional.of(withTheTarget);
        store("r-1", RecordingKind.NAME, T0);

        Optional<Lease> lease = locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        assertThat(lease).isPresent();
        assertThat(withTheTarget.current(SHOP)).contains(lease.get());
        assertThat(stateDirectory.current(SHOP)).isEmpty();
        assertThat(locks.refresh(SHOP, "r-1", T0.plusSeconds(10), TTL)).isPresent();
        assertThat(locks.current(SHOP).map(Lease::holder)).contains("r-1");
        locks.release(SHOP, "r-1");
        assertThat(withTheTarget.current(SHOP)).isEmpty();
    }

    @Test
    void shouldUseTheStateDirectorysLockForKindsThatKeepNone() {
        store("r-1", "sandbox", T0);

        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        assertThat(stateDirectory.current(SHOP).map(Lease::holder)).contains("r-1");
        assertThat(locks.current(SHOP).map(Lease::holder)).contains("r-1");
    }

    @Test
    void shouldAskTheLockOfTheNewestUnfinishedRolloutWhoHoldsAKey() {
        recording.lock = Optional.of(withTheTarget);
        withTheTarget.acquire(SHOP, "r-elsewhere", "engine-on-ci", T0, TTL);
        store("r-1", "sandbox", T0);
        store("r-2", RecordingKind.NAME, T0.plusSeconds(5));

        assertThat(locks.current(SHOP).map(Lease::holder)).contains("r-elsewhere");
        assertThat(locks.acquire(SHOP, "r-2", "engine-1", T0.plusSeconds(5), TTL))
                .as("held by a rollout of another state directory")
                .isEmpty();
    }

    @Test
    void shouldFallBackForAHolderThatIsNoStoredRollout() {
        assertThat(locks.acquire(SHOP, "Not A Rollout", "engine-1", T0, TTL)).isPresent();
        assertThat(stateDirectory.current(SHOP).map(Lease::holder)).contains("Not A Rollout");
        assertThat(locks.acquire(DeploymentKey.of("cart", "staging"), "r-9", "engine-1", T0, TTL))
                .isPresent();
        assertThat(stateDirectory.current(DeploymentKey.of("cart", "staging"))).isPresent();
    }
}
