package io.genesis.core.rollout.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every lock store must do; each store's test extends this. */
abstract class RolloutLockContract {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(5);
    static final DeploymentKey SHOP = new DeploymentKey("shop", "production");

    abstract RolloutLock locks();

    @Test
    void shouldGrantOneHolderAtATimePerKey() {
        RolloutLock locks = locks();

        Lease lease = locks.acquire(SHOP, "r-1", "engine-1", T0, TTL).orElseThrow();

        assertThat(lease).isEqualTo(new Lease(SHOP, "r-1", "engine-1", T0, T0.plus(TTL)));
        assertThat(locks.acquire(SHOP, "r-2", "engine-1", T0.plusSeconds(1), TTL))
                .isEmpty();
        assertThat(locks.current(SHOP)).contains(lease);
    }

    @Test
    void shouldNeverLetOneApplicationBlockAnother() {
        RolloutLock locks = locks();
        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        assertThat(locks.acquire(new DeploymentKey("cart", "production"), "r-2", "engine-1", T0, TTL))
                .isPresent();
        assertThat(locks.acquire(new DeploymentKey("shop", "staging"), "r-3", "engine-1", T0, TTL))
                .isPresent();
    }

    @Test
    void shouldLetTheHolderTakeItAgainAndKeepItsStart() {
        RolloutLock locks = locks();
        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        Lease again =
                locks.acquire(SHOP, "r-1", "engine-2", T0.plusSeconds(60), TTL).orElseThrow();

        assertThat(again.owner()).isEqualTo("engine-2");
        assertThat(again.acquiredAt()).isEqualTo(T0);
        assertThat(again.expiresAt()).isEqualTo(T0.plusSeconds(60).plus(TTL));
    }

    @Test
    void shouldHandAnExpiredLockToSomeoneElse() {
        RolloutLock locks = locks();
        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        assertThat(locks.acquire(SHOP, "r-2", "engine-2", T0.plus(TTL).minusMillis(1), TTL))
                .isEmpty();
        Lease taken = locks.acquire(SHOP, "r-2", "engine-2", T0.plus(TTL), TTL).orElseThrow();

        assertThat(taken.holder()).isEqualTo("r-2");
        assertThat(taken.acquiredAt()).isEqualTo(T0.plus(TTL));
        assertThat(locks.refresh(SHOP, "r-1", T0.plus(TTL), TTL))
                .as("the old holder lost it")
                .isEmpty();
    }

    @Test
    void shouldRefreshOnlyForTheHolder() {
        RolloutLock locks = locks();
        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        Lease refreshed = locks.refresh(SHOP, "r-1", T0.plusSeconds(120), TTL).orElseThrow();

        assertThat(refreshed.expiresAt()).isEqualTo(T0.plusSeconds(120).plus(TTL));
        assertThat(locks.refresh(SHOP, "r-2", T0.plusSeconds(120), TTL)).isEmpty();
        assertThat(locks.refresh(new DeploymentKey("cart", "production"), "r-1", T0, TTL))
                .isEmpty();
    }

    @Test
    void shouldReleaseOnlyForTheHolder() {
        RolloutLock locks = locks();
        locks.acquire(SHOP, "r-1", "engine-1", T0, TTL);

        locks.release(SHOP, "r-2");
        assertThat(locks.current(SHOP)).isPresent();

        locks.release(SHOP, "r-1");
        assertThat(locks.current(SHOP)).isEmpty();
        assertThat(locks.acquire(SHOP, "r-2", "engine-1", T0, TTL)).isPresent();
        locks.release(new DeploymentKey("cart", "production"), "r-2");
    }
}
