package io.genesis.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisThresholdsTest {

    @Test
    void shouldHoldTheReleaseGuidesDefaults() {
        AnalysisThresholds defaults = AnalysisThresholds.defaults();

        assertThat(defaults.limits())
                .containsEntry(Metric.ERROR_RATE, MetricThresholds.of(0.1, 1, 5))
                .containsEntry(Metric.LATENCY_P95, MetricThresholds.of(200, 500))
                .containsEntry(Metric.AVAILABILITY, MetricThresholds.of(99.9, 99, 95))
                .containsEntry(Metric.TEST_PASS_RATE, MetricThresholds.of(98, 95));
        assertThat(defaults.consecutiveCriticalForRollback()).isEqualTo(1);
        assertThat(defaults.onInconclusive()).isEqualTo(InconclusiveAction.PAUSE);
        assertThat(defaults.sampleInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.describe()).isEqualTo("""
                error rate: warning > 0.10 %, critical > 1.00 %, rollback > 5.00 %
                p95 latency: warning > 200 ms, critical > 500 ms
                availability: warning < 99.90 %, critical < 99.00 %, rollback < 95.00 %
                post-deploy test pass rate: warning < 98.00 %, critical < 95.00 %
                rollback after 1 consecutive critical sample(s); without data: pause; one sample every 30 s""");
    }

    @ParameterizedTest(name = "{0}: {1}/{2}/{3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ERROR_RATE | 1 | 0.5 | | error rate critical threshold 0.50 % is milder than its warning threshold 1.00 %",
                "AVAILABILITY | 99 | 99.5 | | availability critical threshold 99.50 % is milder than its warning threshold 99.00 %",
                "ERROR_RATE | 0.1 | 1 | 0.5 | error rate rollback threshold 0.50 % is milder than its critical threshold 1.00 %",
                "AVAILABILITY | 99.9 | 99 | 99.5 | availability rollback threshold 99.50 % is milder than its critical threshold 99.00 %",
                "ERROR_RATE | 0.1 | 120 | | error rate critical threshold 120.0 is out of range for percent",
                "LATENCY_P95 | -1 | 500 | | p95 latency warning threshold -1.0 is out of range for milliseconds",
                "ERROR_RATE | 0.1 | 1 | 101 | error rate rollback threshold 101.0 is out of range for percent",
            })
    void shouldRefuseInconsistentThresholds(
            Metric metric, double warning, double critical, Double rollback, String message) {
        MetricThresholds bounds = new MetricThresholds(warning, critical, rollback);

        assertThatThrownBy(() -> AnalysisThresholds.defaults().with(metric, bounds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shouldRefuseOtherBadSettings() {
        AnalysisThresholds defaults = AnalysisThresholds.defaults();

        assertThatThrownBy(() -> defaults.withConsecutiveCriticalForRollback(0))
                .hasMessage("consecutiveCriticalForRollback must be at least 1, got 0");
        assertThatThrownBy(() -> defaults.withSampleInterval(Duration.ZERO))
                .hasMessage("sampleInterval must be positive, got PT0S");
        assertThatThrownBy(() -> new AnalysisThresholds(Map.of(), 1, InconclusiveAction.PAUSE, Duration.ofSeconds(1)))
                .hasMessage("monitoring needs thresholds for at least one metric, got none");
        assertThatThrownBy(() -> MetricThresholds.of(Double.NaN, 1))
                .hasMessage("warning threshold must be a finite number, got NaN");
        assertThatThrownBy(() -> MetricThresholds.of(1, 2, Double.POSITIVE_INFINITY))
                .hasMessage("rollback threshold must be a finite number, got Infinity");
    }

    @Test
    void shouldChangeOneSettingAtATime() {
        AnalysisThresholds changed = AnalysisThresholds.defaults()
                .withConsecutiveCriticalForRollback(3)
                .withOnInconclusive(InconclusiveAction.ROLL_BACK)
                .withSampleInterval(Duration.ofMinutes(1))
                .with(Metric.LATENCY_P95, MetricThresholds.of(300, 800));

        assertThat(changed.consecutiveCriticalForRollback()).isEqualTo(3);
        assertThat(changed.onInconclusive()).isEqualTo(InconclusiveAction.ROLL_BACK);
        assertThat(changed.sampleInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(changed.limits().get(Metric.LATENCY_P95).automaticRollback()).isEmpty();
        assertThat(changed.limits().get(Metric.LATENCY_P95).critical()).isEqualTo(800);
    }
}
