package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lock store that does not answer a renewal is not a lost lock, and must not stop the heartbeat. */
class HeartbeatTest {

    private final Harness world = Harness.inMemory();
    private final FlakyLock locks = new FlakyLock();

    @Test
    void shouldKeepBeatingAndSayWhenARenewalFails() {
        Orchestrator engine = engine();
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        locks.failures.set(2);

        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(locks.failures).as("both failures were met").hasValue(0);
        assertThat(locks.renewedAfterFailing.get())
                .as("renewals after the failures")
                .isPositive();
        assertThat(world.messages())
                .contains("could not renew the lock on shop in staging (the lock's store did not answer); the claim"
                        + " stands until its lease runs out, and the next heartbeat tries again");
    }

    @Test
    void shouldKeepARolloutQueuedWhileTheLockStoreDoesNotAnswerAndSaySo() {
        locks.acquireFailures.set(3);
        Orchestrator engine = engine();

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.messages())
                .containsOnlyOnce(
                        "could not take the lock on shop in staging (the lock's store did not answer); nothing"
                                + " was touched, trying again every 30 s");
    }

    @Test
    void shouldAbortAQueuedRolloutWhoseLockStoreNeverAnswersWithinItsHealthDeadline() {
        locks.acquireFailures.set(Integer.MAX_VALUE);
        Orchestrator engine = engine();

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(record.reason())
                .isEqualTo("could not take the lock on shop in staging within 10 min: the lock's store did not answer;"
                        + " nothing was touched");
        assertThat(world.target(new DeploymentKey("shop", "staging")).operations())
                .isEmpty();
    }

    private Orchestrator engine() {
        return Orchestrator.builder()
                .settings(world.settings)
                .clock(world.clock)
                .scheduler(world.scheduler)
                .states(world.states)
                .locks(locks)
                .history(world.history)
                .targets((key, spec) -> world.target(key))
                .metricSources(spec -> world.metrics)
                .approver(world.approver)
                .listener(world.events::add)
                .build();
    }

    /** The engine's in-memory lock, whose next renewals fail as an API that does not answer would. */
    private static final class FlakyLock implements RolloutLock {
        private final RolloutLock locks = new InMemoryRolloutLock();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger acquireFailures = new AtomicInteger();
        final AtomicInteger renewedAfterFailing = new AtomicInteger();

        @Override
        public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
            if (acquireFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the lock's store did not answer");
            }
            return locks.acquire(key, holder, owner, now, ttl);
        }

        @Override
        public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the lock's store did not answer");
            }
            renewedAfterFailing.incrementAndGet();
            return locks.refresh(key, holder, now, ttl);
        }

        @Override
        public void release(DeploymentKey key, String holder) {
            locks.release(key, holder);
        }

        @Override
        public Optional<Lease> current(DeploymentKey key) {
            return locks.current(key);
        }
    }
}
