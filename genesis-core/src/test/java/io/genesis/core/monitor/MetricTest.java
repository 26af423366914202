package io.genesis.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "ERROR_RATE, 0.4249, 0.42 %, LOWER_IS_BETTER",
        "LATENCY_P95, 312.4, 312 ms, LOWER_IS_BETTER",
        "AVAILABILITY, 99.95, 99.95 %, HIGHER_IS_BETTER",
        "TEST_PASS_RATE, 100, 100.00 %, HIGHER_IS_BETTER",
    })
    void shouldKnowItsDirectionUnitAndFormat(Metric metric, double value, String shown, Direction direction) {
        assertThat(metric.format(value)).isEqualTo(shown);
        assertThat(metric.direction()).isEqualTo(direction);
        assertThat(Metric.named(metric.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
                .isEqualTo(metric);
    }

    @Test
    void shouldListKnownMetricsForAnUnknownName() {
        assertThatThrownBy(() -> Metric.named("throughput"))
                .hasMessage(
                        "unknown metric 'throughput'; known: error_rate, latency_p95, availability, test_pass_rate");
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @CsvSource({
        "LOWER_IS_BETTER, 2, 1, true",
        "LOWER_IS_BETTER, 1, 1, false",
        "HIGHER_IS_BETTER, 1, 2, true",
        "HIGHER_IS_BETTER, 2, 2, false",
    })
    void shouldReadBreachesInItsDirection(Direction direction, double value, double bound, boolean worse) {
        assertThat(direction.isWorse(value, bound)).isEqualTo(worse);
        assertThat(direction.worse(value, bound)).isEqualTo(worse ? value : bound);
    }

    @Test
    void shouldRankClassificationsFromBestToWorst() {
        assertThat(Classification.OK.worst(Classification.WARNING)).isEqualTo(Classification.WARNING);
        assertThat(Classification.CRITICAL.worst(Classification.INCONCLUSIVE)).isEqualTo(Classification.CRITICAL);
        assertThat(Classification.WARNING.worst(Classification.INCONCLUSIVE)).isEqualTo(Classification.INCONCLUSIVE);
    }

    @ParameterizedTest
    @CsvSource({"pause, PAUSE", "FAIL, FAIL", "roll-back, ROLL_BACK", "rollback, ROLL_BACK", "roll_back, ROLL_BACK"})
    void shouldReadInconclusiveActions(String name, InconclusiveAction action) {
        assertThat(InconclusiveAction.named(name)).isEqualTo(action);
    }

    @Test
    void shouldListKnownInconclusiveActions() {
        assertThatThrownBy(() -> InconclusiveAction.named("ignore"))
                .hasMessage("unknown inconclusive action 'ignore'; known: pause, fail, roll-back");
    }

    @Test
    void shouldLeaveMetricsWithoutDataOut() {
        MetricWindow window = new MetricWindow(T0, T0.plusSeconds(30));
        Map<Metric, Double> values = new HashMap<>();
        values.put(Metric.ERROR_RATE, 0.2);
        values.put(Metric.LATENCY_P95, null);

        MetricReadings readings = new MetricReadings(window, values);

        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(0.2);
        assertThat(readings.value(Metric.LATENCY_P95)).isEmpty();
        assertThat(readings.values()).containsOnlyKeys(Metric.ERROR_RATE);
        assertThat(window.length()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new MetricWindow(T0, T0.minusSeconds(1)))
                .hasMessage(
                        "a metric window must not end (2026-11-27T09:59:59Z) before it starts (2026-11-27T10:00:00Z)");
    }

    @Test
    void shouldKeepOnlyTheLatestNotableSamples() {
        Analyzer analyzer = new Analyzer(AnalysisThresholds.defaults(), java.util.EnumSet.of(Metric.ERROR_RATE));
        AnalysisRun run = AnalysisRun.empty();
        for (int i = 0; i < 25; i++) {
            MetricWindow window = new MetricWindow(T0, T0.plusSeconds(i));
            run = run.plus(
                    analyzer.classify(new MetricReadings(window, Map.of(Metric.ERROR_RATE, 0.5 + i / 100.0))),
                    window.to());
        }

        assertThat(run.notable()).hasSize(AnalysisRun.NOTABLE_KEPT);
        assertThat(run.notable().get(0)).isEqualTo("2026-11-27T10:00:05Z warning: error rate 0.55 % > 0.10 % warning");
        assertThat(run.worst()).containsEntry(Metric.ERROR_RATE, 0.74);
        assertThat(run.describeWorst()).isEqualTo("error rate 0.74 %");
        assertThat(AnalysisRun.empty().describeWorst()).isEqualTo("no values measured");
        assertThat(run.warnings()).isEqualTo(25);
    }
}
