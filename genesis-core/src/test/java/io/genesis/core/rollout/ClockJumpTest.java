package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wall clock jumps (set back by NTP or by hand, or forward after a suspended machine) while a canary
 * analyses: the rollout ends with one complete record, its lock free, and no sample window that ends
 * before it starts; a jump back only delays the next sample, a jump forward ends the window early.
 */
class ClockJumpTest {

    private final Harness world = Harness.inMemory();
    private final DeploymentKey shop = new DeploymentKey("shop", "staging");

    private RolloutId canaryAnalysing(Orchestrator engine) {
        RolloutId id = engine.submit(
                world.request("shop", Harness.STAGING).strategy("canary").build());
        world.runUntil(Harness.T0.plus(Duration.ofSeconds(90)));
        assertThat(world.metrics.windows()).as("sampling before the jump").isNotEmpty();
        return id;
    }

    @Test
    void shouldEndConsistentlyWhenTheClockIsSetBackDuringAnAnalysis() {
        Orchestrator engine = world.engine();
        RolloutId id = canaryAnalysing(engine);
        int before = world.metrics.windows().size();

        world.clock.setBack(Duration.ofHours(1));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.records()).hasSize(1);
        assertThat(world.locks.current(shop)).isEmpty();
        assertThat(world.metrics.windows()).hasSizeGreaterThan(before).allSatisfy(ClockJumpTest::forwards);
        assertThat(record.endedAt()).isAfterOrEqualTo(record.startedAt());
    }

    @Test
    void shouldEndConsistentlyWhenTheClockJumpsForwardDuringAnAnalysis() {
        Orchestrator engine = world.engine();
        RolloutId id = canaryAnalysing(engine);

        world.clock.advance(Duration.ofDays(3));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.records()).hasSize(1);
        assertThat(world.locks.current(shop)).isEmpty();
        List<MetricWindow> windows = world.metrics.windows();
        assertThat(windows).allSatisfy(ClockJumpTest::forwards);
        assertThat(record.analyses())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.samples()).isPositive());
    }

    private static void forwards(MetricWindow window) {
        assertThat(window.to()).isAfterOrEqualTo(window.from());
    }
}
