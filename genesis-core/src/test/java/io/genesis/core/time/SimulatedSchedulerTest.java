package io.genesis.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    private final List<String> ran = new ArrayList<>();

    @Test
    void shouldRunWakeUpsInInstantOrderWithTheClockAtEachInstant() {
        scheduler.schedule("b", T0.plusSeconds(20), () -> ran.add("b at " + clock.instant()));
        scheduler.schedule("a", T0.plusSeconds(10), () -> ran.add("a at " + clock.instant()));
        scheduler.schedule("c", T0.plusSeconds(10), () -> ran.add("c at " + clock.instant()));

        int count = scheduler.runFor(Duration.ofSeconds(15));

        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly("a at 2026-11-27T10:00:10Z", "c at 2026-11-27T10:00:10Z");
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(15));
        assertThat(scheduler.next()).contains(T0.plusSeconds(20));
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAndCancelByKey() {
        scheduler.schedule("a", T0.plusSeconds(10), () -> ran.add("first"));
        scheduler.schedule("a", T0.plusSeconds(30), () -> ran.add("second"));
        scheduler.schedule("b", T0.plusSeconds(5), () -> ran.add("cancelled"));
        scheduler.cancel("b");
        scheduler.cancel("unknown");

        assertThat(scheduler.isScheduled("a")).isTrue();
        assertThat(scheduler.isScheduled("b")).isFalse();
        scheduler.runAll(10);

        assertThat(ran).containsExactly("second");
        assertThat(scheduler.next()).isEmpty();
    }

    @Test
    void shouldRunWakeUpsScheduledByWakeUpsAndStopAtTheLimit() {
        Runnable[] again = new Runnable[1];
        again[0] = () -> {
            ran.add(clock.instant().toString());
            scheduler.schedule("loop", clock.instant().plusSeconds(1), again[0]);
        };
        scheduler.schedule("loop", T0, again[0]);

        assertThat(scheduler.runAll(5)).isEqualTo(5);
        assertThat(ran).hasSize(5).last().isEqualTo("2026-11-27T10:00:04Z");
    }

    @Test
    void shouldOnlyMoveTheClockForward() {
        clock.advanceTo(T0.minusSeconds(5));
        assertThat(clock.instant()).isEqualTo(T0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .hasMessage("a manual clock only moves forward; got PT-1S");
        assertThatThrownBy(() -> clock.withZone(java.time.ZoneId.of("Europe/Paris")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(clock).hasToString("ManualClock[2026-11-27T10:00:00Z]");
    }
}
