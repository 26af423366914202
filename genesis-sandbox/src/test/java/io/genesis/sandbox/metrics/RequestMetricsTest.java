package io.genesis.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestMetricsTest {

    private static final SlotId CANARY = SlotId.of("canary");
    private static final SlotId STABLE = SlotId.of("stable");
    private static final Duration FAST = Duration.ofMillis(5);

    private final ManualClock clock = ManualClock.atStartOf2026();
    private final RequestMetrics metrics = new RequestMetrics(clock, new WindowLayout(Duration.ofSeconds(1), 60));

    @Test
    void shouldTellNoDataApartFromHealthy() {
        MetricsSnapshot snapshot = metrics.snapshot(Duration.ofSeconds(10));

        assertThat(snapshot.overall().hasData()).isFalse();
        assertThat(snapshot.overall().errorRate()).isEmpty();
        assertThat(snapshot.overall().availability()).isEmpty();
        assertThat(snapshot.overall().p95Latency()).isEmpty();
        assertThat(snapshot.slot(CANARY).requestCount()).isZero();
        assertThat(snapshot.overall()).hasToString("no requests");
    }

    @Test
    void shouldCountOutcomesPerSlotAndOverall() {
        record(CANARY, RequestOutcome.SUCCESS, 8);
        record(CANARY, RequestOutcome.SERVER_ERROR, 1);
        record(CANARY, RequestOutcome.UPSTREAM_FAILURE, 1);
        record(STABLE, RequestOutcome.SUCCESS, 90);
        metrics.recordUnrouted(RequestOutcome.NO_ROUTE, FAST);

        MetricsSnapshot snapshot = metrics.snapshot(Duration.ofSeconds(10));

        assertThat(snapshot.slot(CANARY).requestCount()).isEqualTo(10);
        assertThat(snapshot.slot(CANARY).errorRate()).contains(new Percentage(20));
        assertThat(snapshot.slot(CANARY).availability()).contains(new Percentage(80));
        assertThat(snapshot.slot(STABLE).errorRate()).contains(Percentage.ZERO);
        assertThat(snapshot.overall().requestCount()).isEqualTo(101);
        assertThat(snapshot.overall().errorCount()).isEqualTo(3);
        assertThat(snapshot.overall().count(RequestOutcome.NO_ROUTE)).isEqualTo(1);
        assertThat(snapshot.slots()).containsOnlyKeys(CANARY, STABLE);
        assertThat(snapshot.takenAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldLeaveClientAbortsOutOfRatesAndLatency() {
        record(CANARY, RequestOutcome.SUCCESS, 1);
        metrics.recordRouted(CANARY, RequestOutcome.CLIENT_ABORTED, Duration.ofSeconds(30));

        WindowStats stats = metrics.snapshot(Duration.ofSeconds(10)).slot(CANARY);

        assertThat(stats.requestCount()).isEqualTo(1);
        assertThat(stats.count(RequestOutcome.CLIENT_ABORTED)).isEqualTo(1);
        assertThat(stats.availability()).contains(Percentage.HUNDRED);
        assertThat(stats.p95Latency().orElseThrow()).isLessThan(Duration.ofMillis(6));
        assertThat(stats.counts())
                .containsEntry(RequestOutcome.CLIENT_ABORTED, 1L)
                .hasSize(5);
    }

    @Test
    void shouldSlideRequestsOutOfTheWindow() {
        record(CANARY, RequestOutcome.SERVER_ERROR, 5);
        clock.advance(Duration.ofSeconds(30));
        record(CANARY, RequestOutcome.SUCCESS, 5);

        assertThat(metrics.snapshot(Duration.ofSeconds(10)).slot(CANARY).errorRate())
                .contains(Percentage.ZERO);
        assertThat(metrics.snapshot(Duration.ofSeconds(40)).slot(CANARY).errorRate())
                .contains(new Percentage(50));

        clock.advance(Duration.ofSeconds(11));

        assertThat(metrics.snapshot(Duration.ofSeconds(10)).slot(CANARY).hasData())
                .isFalse();
    }

    @ParameterizedTest(name = "a request {0} ms before now, window {1} ms: counted = {2}")
    @CsvSource({
        // Buckets are 1 s; the window is widened to whole buckets, never narrowed.
        "0, 1000, true",
        "999, 1000, true",
        "1000, 1000, true",
        "1999, 1000, false",
        "2001, 1000, false",
        "59000, 60000, true"
    })
    void shouldCoverTheWindowToTheNearestBucket(long ageMillis, long windowMillis, boolean counted) {
        clock.set(java.time.Instant.parse("2026-01-01T00:01:00.500Z").minusMillis(ageMillis));
        record(CANARY, RequestOutcome.SUCCESS, 1);
        clock.set(java.time.Instant.parse("2026-01-01T00:01:00.500Z"));

        boolean seen =
                metrics.snapshot(Duration.ofMillis(windowMillis)).slot(CANARY).hasData();

        assertThat(seen).isEqualTo(counted);
    }

    @Test
    void shouldReuseBucketsSoMemoryStaysBounded() {
        SlidingWindow window = new SlidingWindow(new WindowLayout(Duration.ofSeconds(1), 60));
        for (long second = 0; second < 10_000; second++) {
            window.record(second, RequestOutcome.SUCCESS, 1_000);
        }

        assertThat(window.capacity()).isEqualTo(61);
        assertThat(window.stats(10_000 - 60, 9_999).requestCount()).isEqualTo(60);
        assertThat(window.stats(0, 9_999).requestCount()).isEqualTo(61);
    }

    @Test
    void shouldNotLoseNewerBucketsWhenTheClockStepsBack() {
        clock.advance(Duration.ofSeconds(10));
        record(CANARY, RequestOutcome.SUCCESS, 3);
        clock.advance(Duration.ofSeconds(-5));
        record(CANARY, RequestOutcome.SUCCESS, 2);
        clock.advance(Duration.ofSeconds(5));

        assertThat(metrics.snapshot(Duration.ofSeconds(2)).slot(CANARY).requestCount())
                .isEqualTo(5);
    }

    @Test
    void shouldComputeP95OverTheWholeWindow() {
        for (int second = 0; second < 20; second++) {
            for (int i = 1; i <= 5; i++) {
                metrics.recordRouted(CANARY, RequestOutcome.SUCCESS, Duration.ofMillis(second * 5L + i));
            }
            clock.advance(Duration.ofSeconds(1));
        }

        // 100 latencies 1..100 ms spread over 20 s; nearest rank 95 is 95 ms.
        Duration p95 = metrics.snapshot(Duration.ofSeconds(21))
                .slot(CANARY)
                .p95Latency()
                .orElseThrow();

        assertThat(p95)
                .isBetween(
                        Duration.ofMillis(95),
                        Duration.ofMillis(95).plus(Duration.ofMillis(95).dividedBy(64)));
    }

    @Test
    void shouldForgetASlot() {
        record(CANARY, RequestOutcome.SUCCESS, 1);

        metrics.forget(CANARY);

        assertThat(metrics.snapshot(Duration.ofSeconds(1)).slots()).isEmpty();
        assertThat(metrics.snapshot(Duration.ofSeconds(1)).overall().requestCount())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT-1S", "PT1M0.001S"})
    void shouldRejectWindowsOutsideTheRetention(Duration window) {
        assertThatThrownBy(() -> metrics.snapshot(window))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be positive and at most PT1M");
    }

    @Test
    void shouldAcceptAWindowAsLongAsTheRetention() {
        clock.advance(Duration.ofMillis(500));
        record(CANARY, RequestOutcome.SUCCESS, 1);
        clock.advance(Duration.ofSeconds(59));

        assertThat(metrics.snapshot(Duration.ofMinutes(1)).slot(CANARY).requestCount())
                .isEqualTo(1);
        assertThat(metrics.layout().retention()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldReadTheRequestsBetweenTwoInstants() {
        Instant start = clock.instant();
        record(CANARY, RequestOutcome.SERVER_ERROR, 2);
        clock.advance(Duration.ofSeconds(5));
        Instant middle = clock.instant();
        record(CANARY, RequestOutcome.SUCCESS, 6);
        clock.advance(Duration.ofSeconds(5));

        MetricsSnapshot early = metrics.snapshot(start, start.plusSeconds(2));
        MetricsSnapshot late = metrics.snapshot(middle, clock.instant());

        assertThat(early.slot(CANARY).requestCount()).isEqualTo(2);
        assertThat(early.slot(CANARY).errorRate()).contains(Percentage.HUNDRED);
        assertThat(early.takenAt()).isEqualTo(start.plusSeconds(2));
        assertThat(late.slot(CANARY).requestCount()).isEqualTo(6);
        assertThat(late.window()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldCutAWindowToTheRetentionAndToNow() {
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        record(CANARY, RequestOutcome.SUCCESS, 3);

        MetricsSnapshot snapshot = metrics.snapshot(start, clock.instant().plusSeconds(30));

        assertThat(snapshot.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(snapshot.takenAt()).isEqualTo(clock.instant());
        assertThat(snapshot.slot(CANARY).requestCount()).isEqualTo(3);
    }

    @Test
    void shouldReadOnlyUpToNowWhenTheWindowLiesAfterIt() {
        record(CANARY, RequestOutcome.SUCCESS, 1);
        Instant later = clock.instant().plusSeconds(10);

        MetricsSnapshot snapshot = metrics.snapshot(later, later.plusSeconds(1));

        assertThat(snapshot.window()).isZero();
        assertThat(snapshot.takenAt()).isEqualTo(clock.instant());
    }

    @Test
    void shouldRejectAWindowThatEndsBeforeItStarts() {
        Instant now = clock.instant();

        assertThatThrownBy(() -> metrics.snapshot(now, now.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not end (" + now.minusMillis(1) + ") before it starts (" + now + ")");
    }

    private void record(SlotId slot, RequestOutcome outcome, int times) {
        for (int i = 0; i < times; i++) {
            metrics.recordRouted(slot, outcome, FAST);
        }
    }
}
