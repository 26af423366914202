package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Classification;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The watch's paths on a simulated clock: every window passes in milliseconds. */
class WatcherTest {

    private final WatchWorld world = new WatchWorld();

    @Test
    void shouldPassAFortyEightHourWatchOfHealthySamplesAsHealthy() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();

        WatchId id = watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(48)));
        WatchState ended = world.runToEnd(watcher, id);

        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
            soft.assertThat(ended.sampling().run().samples()).isEqualTo(48 * 60 * 2);
            soft.assertThat(ended.incidents()).isEmpty();
            soft.assertThat(ended.outcome().endedAt())
                    .isEqualTo(ended.startedAt().plus(Duration.ofHours(48)));
            soft.assertThat(world.rollout(deployed).status()).isEqualTo(RolloutStatus.SUCCEEDED);
        });
    }

    @Test
    void shouldOpenAnIncidentOnAWarningAndResolveItAfterHealthySamples() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(during(start, Duration.ofMinutes(5), WatchWorld.WARNING));

        WatchState ended =
                world.runToEnd(watcher, watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(1))));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.severity()).isEqualTo(Classification.WARNING);
            assertThat(incident.openedAt()).isEqualTo(start.plusSeconds(30));
            assertThat(incident.reason()).contains("error rate 0.50 %");
            assertThat(incident.closedAt()).isEqualTo(start.plus(Duration.ofMinutes(6)));
            assertThat(incident.resolution()).startsWith("recovered: 2 healthy sample(s) in a row");
            assertThat(incident.timeToRestore()).isNull();
        });
        assertThat(world.said).anyMatch(line -> line.startsWith("incident 1 opened (warning)"));
    }

    @Test
    void shouldRollBackThroughTheRolloutWhenAWarningTurnsCritical() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(window -> window.to().isAfter(start.plus(Duration.ofHours(2)))
                ? WatchWorld.CRITICAL
                : window.to().isAfter(start.plus(Duration.ofMinutes(100)))
                        ? WatchWorld.WARNING
                        : ScriptedMetricSource.HEALTHY);

        WatchState ended =
                world.runToEnd(watcher, watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(48))));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(ended.outcome().reason()).contains("error rate 2.00 % > 1.00 % critical");
        assertThat(ended.outcome().endedAt())
                .isEqualTo(start.plus(Duration.ofHours(2)).plusSeconds(30));
        assertThat(ended.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.severity()).isEqualTo(Classification.CRITICAL);
            assertThat(incident.openedAt())
                    .isEqualTo(start.plus(Duration.ofMinutes(100)).plusSeconds(30));
            assertThat(incident.escalatedAt())
                    .isEqualTo(start.plus(Duration.ofHours(2)).plusSeconds(30));
            assertThat(incident.timeToRestore()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
        });
        assertThat(world.rollout(deployed).status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(world.rollout(deployed).reason()).contains("rolled back by watch: watch w-0001");
        assertThat(world.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldEndInconclusiveWhenTheLastSamplesHaveNoData() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(window ->
                window.to().isAfter(start.plus(Duration.ofMinutes(50))) ? Map.of() : ScriptedMetricSource.HEALTHY);

        WatchState ended =
                world.runToEnd(watcher, watcher.start(world.request(deployed, "1.1.0", Duration.ofHours(1))));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.INCONCLUSIVE);
        assertThat(ended.outcome().reason()).startsWith("the last 20 sample(s) had no usable data");
        assertThat(world.rollout(deployed).status()).isEqualTo(RolloutStatus.SUCCEEDED);
    }

    @Test
    void shouldNeverCallAWatchWithoutAnyDataHealthy() {
        Watcher watcher = world.watcher();
        world.metrics.script(window -> Map.of());

        WatchState ended = world.runToEnd(watcher, watcher.start(world.request(null, "1.1.0", Duration.ofMinutes(10))));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.INCONCLUSIVE);
        assertThat(ended.sampling().run().inconclusive()).isEqualTo(20);
    }

    @Test
    void shouldEndInconclusiveWithoutRollingBackWhenThePolicyForbidsIt() {
        RolloutId deployed = world.deploy();
        Watcher watcher = world.watcher();
        world.metrics.script(window -> WatchWorld.CRITICAL);

        WatchState ended = world.runToEnd(
                watcher,
                watcher.start(
                        world.request(deployed, "1.1.0", Duration.ofHours(1)).withRollBack(false)));

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.INCONCLUSIVE);
        assertThat(ended.outcome().reason())
                .endsWith("not rolled back: the policy does not allow an automatic rollback");
        assertThat(world.rollout(deployed).status()).isEqualTo(RolloutStatus.SUCCEEDED);
    }

    @Test
    void shouldBeSupersededByANewerWatchOfTheSameApplicationAndEnvironment() {
        Watcher watcher = world.watcher();
        WatchId older = watcher.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofHours(1));

        WatchId newer = watcher.start(world.request(null, "1.2.0", Duration.ofHours(48)));

        WatchState superseded = watcher.view(older).orElseThrow();
        assertThat(superseded.outcome().verdict()).isEqualTo(WatchVerdict.SUPERSEDED);
        assertThat(superseded.outcome().reason()).isEqualTo("superseded by watch " + newer + " (version 1.2.0)");
        assertThat(superseded.sampling().run().samples()).isEqualTo(120);
        assertThat(world.scheduler.isScheduled("watch:" + older)).isFalse();
        assertThat(watcher.view(newer).orElseThrow().ended()).isFalse();
    }

    @Test
    void shouldRecordWhoStoppedAWatchAndWhy() {
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(during(start, Duration.ofHours(3), WatchWorld.WARNING));
        WatchId id = watcher.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofMinutes(10));

        WatchState stopped = watcher.stop(id, "alice", "known noisy dependency");

        assertThat(stopped.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(stopped.outcome().reason()).isEqualTo("stopped by alice: known noisy dependency");
        assertThat(stopped.incidents())
                .singleElement()
                .satisfies(incident -> assertThat(incident.resolution())
                        .isEqualTo("open when the watch ended: stopped by alice: known noisy dependency"));
        assertThat(world.scheduler.isScheduled("watch:" + id)).isFalse();
        assertThatThrownBy(() -> watcher.stop(id, "bob", "again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended already: STOPPED");
    }

    @Test
    void shouldSampleWithoutGapsOrOverlaps() {
        Watcher watcher = world.watcher();
        Instant start = world.clock.instant();

        world.runToEnd(watcher, watcher.start(world.request(null, "1.1.0", Duration.ofMinutes(95))));

        var windows = world.metrics.windows();
        assertThat(windows).hasSize(190);
        assertThat(windows.get(0).from()).isEqualTo(start);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).from()).isEqualTo(windows.get(i - 1).to());
        }
        assertThat(windows.get(windows.size() - 1).to()).isEqualTo(start.plus(Duration.ofMinutes(95)));
    }

    private static Function<MetricWindow, Map<Metric, Double>> during(
            Instant start, Duration bad, Map<Metric, Double> values) {
        return window -> window.to().isAfter(start.plus(bad)) ? ScriptedMetricSource.HEALTHY : values;
    }
}
