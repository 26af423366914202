package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Classification;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.Reading;
import io.genesis.core.monitor.SampleVerdict;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final StringWriter text = new StringWriter();
    private final Progress progress = new Progress(new PrintWriter(text), clock);

    @Test
    void shouldStampEachLineWithTheSecondsSinceTheStartAndIndentTheRest() {
        clock.advance(Duration.ofMillis(12_345));

        progress.onEvent(new RolloutEvent(
                RolloutId.of("r-1"), DeploymentKey.of("shop", "staging"), clock.instant(), "plan:\n  1. deploy"));

        assertThat(text.toString().lines()).containsExactly("[  12.3s] plan:", "            1. deploy");
    }

    @Test
    void shouldShowASampleWithItsMeasuredValuesAndClassification() {
        SampleVerdict verdict = new SampleVerdict(
                new MetricWindow(T0, T0.plusSeconds(2)),
                List.of(
                        new Reading(
                                Metric.ERROR_RATE,
                                25.0,
                                Classification.CRITICAL,
                                true,
                                "error rate 25.00 % > 5.00 % automatic rollback"),
                        new Reading(Metric.LATENCY_P95, 4.0, Classification.OK, false, "p95 latency 4 ms ok")),
                Classification.CRITICAL);

        progress.sampled(verdict);

        assertThat(text.toString())
                .isEqualTo("[   0.0s] sample over 2 s (critical): error rate 25.00 % > 5.00 % automatic rollback;"
                        + " p95 latency 4 ms ok" + System.lineSeparator());
    }

    @Test
    void shouldShowTheEnginesTimesInTheOneFormatPeopleRead() {
        progress.line("ended SUCCEEDED: all 10 steps completed; previous version kept until"
                + " 2026-11-27T21:05:29.179181134Z; approval opens at 2026-11-27T18:57:50Z");

        assertThat(text.toString())
                .contains("previous version kept until 2026-11-27 21:05:29Z; approval opens at 2026-11-27 18:57:50Z")
                .doesNotContain("T21:05");
        assertThat(RecordText.humanTimes("no time here: Tuesday")).isEqualTo("no time here: Tuesday");
    }
}
