package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.sandbox.metrics.RequestMetrics;
import io.genesis.sandbox.metrics.RequestOutcome;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxMetricSourceTest {

    private static final SlotId STABLE = SlotId.of("slot-1");
    private static final SlotId CANDIDATE = SlotId.of("slot-2");

    private final ManualClock clock = ManualClock.atStartOf2026();
    private final RequestMetrics metrics = new RequestMetrics(clock, new WindowLayout(Duration.ofMillis(100), 600));
    private final Instant start = clock.instant();

    private SandboxMetricSource source(MetricScope scope, long minRequests) {
        return new SandboxMetricSource("shop in staging", metrics::snapshot, () -> CANDIDATE, scope, minRequests);
    }

    @Test
    void shouldGiveNoReadingsForAWindowWithoutTraffic() {
        record(STABLE, RequestOutcome.SUCCESS, 50, 3);
        clock.advance(Duration.ofSeconds(1));

        MetricReadings readings = source(MetricScope.CANDIDATE, 1).sample(window());

        assertThat(readings.values()).isEmpty();
        assertThat(readings.window()).isEqualTo(window());
    }

    @Test
    void shouldMeasureTheCandidatesErrorRateAvailabilityAndP95() {
        record(CANDIDATE, RequestOutcome.SUCCESS, 7, 10);
        record(CANDIDATE, RequestOutcome.SERVER_ERROR, 3, 20);
        record(STABLE, RequestOutcome.SUCCESS, 90, 2);
        clock.advance(Duration.ofSeconds(1));

        MetricReadings readings = source(MetricScope.CANDIDATE, 1).sample(window());

        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(30.0);
        assertThat(readings.value(Metric.AVAILABILITY)).hasValue(70.0);
        assertThat(readings.value(Metric.LATENCY_P95).getAsDouble()).isCloseTo(20.0, within(20.0 / 64));
    }

    @Test
    void shouldMeasureAllTrafficInTheOverallScope() {
        record(CANDIDATE, RequestOutcome.SERVER_ERROR, 10, 1);
        record(STABLE, RequestOutcome.SUCCESS, 90, 1);
        clock.advance(Duration.ofSeconds(1));

        MetricReadings readings = source(MetricScope.OVERALL, 1).sample(window());

        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(10.0);
        assertThat(readings.value(Metric.AVAILABILITY)).hasValue(90.0);
    }

    @Test
    void shouldLeaveOutRequestsBeforeTheWindow() {
        record(CANDIDATE, RequestOutcome.SERVER_ERROR, 5, 1);
        clock.advance(Duration.ofSeconds(2));
        Instant from = clock.instant();
        record(CANDIDATE, RequestOutcome.SUCCESS, 5, 1);
        clock.advance(Duration.ofSeconds(1));

        MetricReadings readings = source(MetricScope.CANDIDATE, 1).sample(new MetricWindow(from, clock.instant()));

        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(0.0);
    }

    @ParameterizedTest(name = "{0} requests with a minimum of 5: readings = {1}")
    @CsvSource({"4, false", "5, true", "6, true"})
    void shouldNeedTheMinimumNumberOfRequests(int requests, boolean measured) {
        record(CANDIDATE, RequestOutcome.SUCCESS, requests, 1);
        clock.advance(Duration.ofSeconds(1));

        MetricReadings readings = source(MetricScope.CANDIDATE, 5).sample(window());

        assertThat(readings.value(Metric.ERROR_RATE).isPresent()).isEqualTo(measured);
    }

    @Test
    void shouldDescribeItselfAndOfferTheProxyMetrics() {
        SandboxMetricSource source = source(MetricScope.CANDIDATE, 1);

        assertThat(source.describe()).isEqualTo("sandbox proxy metrics of the candidate, shop in staging");
        assertThat(source.metrics())
                .containsExactlyInAnyOrder(Metric.ERROR_RATE, Metric.AVAILABILITY, Metric.LATENCY_P95);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void shouldRejectAMinimumBelowOneRequest(long minRequests) {
        assertThatThrownBy(() -> source(MetricScope.CANDIDATE, minRequests))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minRequests must be at least 1")
                .hasMessageContaining("got " + minRequests);
    }

    private MetricWindow window() {
        return new MetricWindow(start, clock.instant());
    }

    private void record(SlotId slot, RequestOutcome outcome, int times, long latencyMillis) {
        for (int i = 0; i < times; i++) {
            metrics.recordRouted(slot, outcome, Duration.ofMillis(latencyMillis));
        }
    }
}
