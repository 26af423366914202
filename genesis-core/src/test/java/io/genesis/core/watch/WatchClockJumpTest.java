package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.MetricWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wall clock jumps during a post-deploy watch: it ends once, with a verdict, and no window runs backwards. */
class WatchClockJumpTest {

    private final WatchWorld world = new WatchWorld();

    @Test
    void shouldEndWithAVerdictWhenTheClockIsSetBackDuringAWatch() {
        Watcher watcher = world.watcher();
        WatchId id = watcher.start(world.request(null, "1.1.0", Duration.ofHours(1)));
        world.scheduler.runFor(Duration.ofMinutes(10));
        int before = world.metrics.windows().size();

        world.clock.setBack(Duration.ofMinutes(30));
        WatchState ended = world.runToEnd(watcher, id);

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.endsAt()).isEqualTo(WatchWorld.T0.plus(Duration.ofHours(1)));
        assertThat(world.metrics.windows())
                .hasSizeGreaterThan(before)
                .allSatisfy(w -> assertThat(w.to()).isAfterOrEqualTo(w.from()));
    }

    @Test
    void shouldCoverTheGapOfAForwardJumpWithOneSampleAndEndAtTheWindow() {
        Watcher watcher = world.watcher();
        WatchId id = watcher.start(world.request(null, "1.1.0", Duration.ofHours(1)));
        world.scheduler.runFor(Duration.ofMinutes(10));

        world.clock.advance(Duration.ofDays(2));
        WatchState ended = world.runToEnd(watcher, id);

        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        MetricWindow last = world.metrics.windows().get(world.metrics.windows().size() - 1);
        assertThat(last.to()).as("no sample past the window").isEqualTo(ended.endsAt());
        assertThat(world.metrics.windows()).allSatisfy(w -> assertThat(w.to()).isAfterOrEqualTo(w.from()));
    }
}
