package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restart does to a watch in each stage. The first engine is simply abandoned, as a killed
 * process would be; a second one on the same files reconciles and carries on.
 */
class WatchRestartTest {

    @TempDir
    Path directory;

    private WatchWorld world;

    @BeforeEach
    void setUp() {
        world = new WatchWorld(new FileWatchStore(directory.resolve("watches"), false));
    }

    @Test
    void shouldResumeAWatchThatWasSamplingWithoutLosingOrRepeatingAnyTime() {
        Watcher first = world.watcher();
        Instant start = world.clock.instant();
        WatchId id = first.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofHours(1));

        Watcher second = world.restart("engine-2");
        List<WatchId> resumed = second.reconcile();
        WatchState ended = world.runToEnd(second, id);

        assertThat(resumed).containsExactly(id);
        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.owner()).isEqualTo("engine-2");
        assertThat(ended.outcome().endedAt()).isEqualTo(start.plus(Duration.ofHours(48)));
        List<MetricWindow> windows = world.metrics.windows();
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).from()).isEqualTo(windows.get(i - 1).to());
        }
        assertThat(world.said).contains("adopted from engine-1");
    }

    @Test
    void shouldResolveAnIncidentOpenedBeforeTheRestart() {
        Watcher first = world.watcher();
        Instant start = world.clock.instant();
        world.metrics.script(window -> window.to().isAfter(start.plus(Duration.ofHours(2)))
                ? ScriptedMetricSource.HEALTHY
                : WatchWorld.WARNING);
        WatchId id = first.start(world.request(null, "1.1.0", Duration.ofHours(4)));
        world.scheduler.runFor(Duration.ofHours(1));
        assertThat(first.view(id).orElseThrow().openIncident()).isPresent();

        Watcher second = world.restart("engine-2");
        second.reconcile();
        WatchState ended = world.runToEnd(second, id);

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.openedAt()).isEqualTo(start.plusSeconds(30));
            assertThat(incident.resolution()).startsWith("recovered");
            assertThat(incident.closedAt()).isAfter(start.plus(Duration.ofHours(2)));
        });
    }

    @Test
    void shouldAskForTheRollbackAgainWhenTheEngineStoppedWhileRollingBack() {
        RolloutId deployed = world.deploy();
        world.rollback = (rollout, reason, by) -> false;
        Watcher first = world.watcher();
        world.metrics.script(window -> WatchWorld.CRITICAL);
        WatchId id = first.start(world.request(deployed, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofMinutes(1));
        assertThat(first.view(id).orElseThrow().stage()).isEqualTo(WatchStage.ROLLING_BACK);

        Watcher second = world.restart("engine-2");
        second.reconcile();
        WatchState ended = world.runToEnd(second, id);

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(ended.incidents().get(0).timeToRestore()).isGreaterThanOrEqualTo(world.settings.leaseTtl());
        assertThat(world.rollout(deployed).status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(world.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldLeaveAnEndedWatchAsItWas() {
        Watcher first = world.watcher();
        WatchId id = first.start(world.request(null, "1.1.0", Duration.ofMinutes(10)));
        WatchState ended = world.runToEnd(first, id);

        Watcher second = world.restart("engine-2");

        assertThat(second.reconcile()).isEmpty();
        assertThat(second.view(id)).contains(ended);
        assertThat(world.scheduler.pending()).isZero();
    }

    @Test
    void shouldLeaveTheWatchOfALiveEngineToIt() {
        Watcher first = world.watcher();
        WatchId id = first.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofHours(1));
        world.settings = world.settings.withOwner("engine-2");

        Watcher second = world.watcher();
        WatchState before = second.view(id).orElseThrow();

        assertThat(second.reconcile()).isEmpty();
        assertThat(second.tick(id)).isEqualTo(before);
        assertThat(before.owner()).isEqualTo("engine-1");
    }
}
