package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.RequestMetrics;
import io.genesis.sandbox.metrics.RequestOutcome;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricScopeTest {

    @ParameterizedTest
    @CsvSource({"candidate, CANDIDATE", "' Overall ', OVERALL", "CANDIDATE, CANDIDATE"})
    void shouldLookAScopeUpByName(String name, MetricScope expected) {
        assertThat(MetricScope.named(name)).isEqualTo(expected);
    }

    @Test
    void shouldListTheKnownScopesForAnUnknownName() {
        assertThatThrownBy(() -> MetricScope.named("canary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sandbox metric scope 'canary'; known: candidate, overall");
    }

    @Test
    void shouldSelectTheNewestSlotOrAllTraffic() {
        SlotId stable = SlotId.of("slot-1");
        SlotId candidate = SlotId.of("slot-2");
        RequestMetrics metrics =
                new RequestMetrics(ManualClock.atStartOf2026(), new WindowLayout(Duration.ofSeconds(1), 10));
        metrics.recordRouted(stable, RequestOutcome.SUCCESS, Duration.ofMillis(1));
        metrics.recordRouted(candidate, RequestOutcome.SERVER_ERROR, Duration.ofMillis(1));
        metrics.recordUnrouted(RequestOutcome.NO_ROUTE, Duration.ofMillis(1));
        MetricsSnapshot snapshot = metrics.snapshot(Duration.ofSeconds(5));

        assertThat(MetricScope.CANDIDATE.select(snapshot, candidate).requestCount())
                .isEqualTo(1);
        assertThat(MetricScope.OVERALL.select(snapshot, candidate).requestCount())
                .isEqualTo(3);
        assertThat(MetricScope.CANDIDATE.label()).isEqualTo("the candidate");
        assertThat(MetricScope.OVERALL.label()).isEqualTo("all traffic");
    }
}
