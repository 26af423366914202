package io.genesis.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyzerTest {

    private static final MetricWindow WINDOW =
            new MetricWindow(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:00:30Z"));

    private final Analyzer analyzer = new Analyzer(AnalysisThresholds.defaults(), EnumSet.allOf(Metric.class));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // error rate: warning > 0.1 %, critical > 1 %, rollback > 5 %
        "ERROR_RATE, 0.0, OK, false",
        "ERROR_RATE, 0.1, OK, false",
        "ERROR_RATE, 0.1001, WARNING, false",
        "ERROR_RATE, 1.0, WARNING, false",
        "ERROR_RATE, 1.0001, CRITICAL, false",
        "ERROR_RATE, 5.0, CRITICAL, false",
        "ERROR_RATE, 5.0001, CRITICAL, true",
        // p95 latency: warning > 200 ms, critical > 500 ms, no rollback bound
        "LATENCY_P95, 200, OK, false",
        "LATENCY_P95, 200.5, WARNING, false",
        "LATENCY_P95, 500, WARNING, false",
        "LATENCY_P95, 500.5, CRITICAL, false",
        "LATENCY_P95, 60000, CRITICAL, false",
        // availability: warning < 99.9 %, critical < 99 %, rollback < 95 %
        "AVAILABILITY, 100, OK, false",
        "AVAILABILITY, 99.9, OK, false",
        "AVAILABILITY, 99.8999, WARNING, false",
        "AVAILABILITY, 99.0, WARNING, false",
        "AVAILABILITY, 98.9999, CRITICAL, false",
        "AVAILABILITY, 95.0, CRITICAL, false",
        "AVAILABILITY, 94.9999, CRITICAL, true",
        // post-deploy test pass rate: warning < 98 %, critical < 95 %
        "TEST_PASS_RATE, 98.0, OK, false",
        "TEST_PASS_RATE, 97.99, WARNING, false",
        "TEST_PASS_RATE, 95.0, WARNING, false",
        "TEST_PASS_RATE, 94.99, CRITICAL, false",
    })
    void shouldClassifyEachReadingAtItsBoundaries(
            Metric metric, double value, Classification expected, boolean rollback) {
        SampleVerdict verdict = new Analyzer(AnalysisThresholds.defaults(), EnumSet.of(metric))
                .classify(new MetricReadings(WINDOW, Map.of(metric, value)));

        assertThat(verdict.classification()).isEqualTo(expected);
        assertThat(verdict.readings()).singleElement().satisfies(reading -> {
            assertThat(reading.classification()).isEqualTo(expected);
            assertThat(reading.rollback()).isEqualTo(rollback);
            assertThat(reading.value()).isEqualTo(value);
            assertThat(reading.explanation()).startsWith(metric.label() + " " + metric.format(value));
        });
        assertThat(verdict.demandsRollback()).isEqualTo(rollback);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0.5 | error rate 0.50 % > 0.10 % warning",
                "2.5 | error rate 2.50 % > 1.00 % critical",
                "7.0 | error rate 7.00 % > 5.00 % automatic rollback",
                "0.05 | error rate 0.05 % ok",
            })
    void shouldExplainEachReadingWithItsValueAndBound(double errorRate, String explanation) {
        SampleVerdict verdict = analyzer.classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, errorRate)));

        assertThat(verdict.readings())
                .filteredOn(r -> r.metric() == Metric.ERROR_RATE)
                .singleElement()
                .satisfies(r -> assertThat(r.explanation()).isEqualTo(explanation));
    }

    @Test
    void shouldCallMissingDataInconclusiveNeverHealthy() {
        SampleVerdict verdict = analyzer.classify(MetricReadings.none(WINDOW));

        assertThat(verdict.classification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.readings()).extracting(Reading::classification).containsOnly(Classification.INCONCLUSIVE);
        assertThat(verdict.explain(Classification.INCONCLUSIVE))
                .isEqualTo("error rate: no data; p95 latency: no data;"
                        + " availability: no data; post-deploy test pass rate: no data");
    }

    @Test
    void shouldCallUnusableValuesInconclusive() {
        SampleVerdict verdict = new Analyzer(
                        AnalysisThresholds.defaults(), EnumSet.of(Metric.ERROR_RATE, Metric.LATENCY_P95))
                .classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, Double.NaN, Metric.LATENCY_P95, -3.0)));

        assertThat(verdict.classification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.explainAll()).isEqualTo("error rate: unusable value NaN; p95 latency: unusable value -3.0");
    }

    @Test
    void shouldLetACriticalReadingOutweighMissingData() {
        SampleVerdict verdict = analyzer.classify(new MetricReadings(WINDOW, Map.of(Metric.LATENCY_P95, 900.0)));

        assertThat(verdict.classification()).isEqualTo(Classification.CRITICAL);
    }

    @Test
    void shouldCallASourceWithoutAnyAnalysedMetricInconclusive() {
        Analyzer nothing = new Analyzer(
                AnalysisThresholds.defaults().with(Metric.ERROR_RATE, MetricThresholds.of(1, 2)),
                EnumSet.noneOf(Metric.class));

        SampleVerdict verdict = nothing.classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, 0.0)));

        assertThat(nothing.analysed()).isEmpty();
        assertThat(verdict.classification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.explainAll()).startsWith("no metric to analyse: the source measures none of");
    }

    @Test
    void shouldAnalyseOnlyWhatTheSourceOffers() {
        Analyzer some = new Analyzer(AnalysisThresholds.defaults(), EnumSet.of(Metric.ERROR_RATE, Metric.LATENCY_P95));

        assertThat(some.analysed()).containsExactly(Metric.ERROR_RATE, Metric.LATENCY_P95);
        assertThat(some.classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, 0.0, Metric.LATENCY_P95, 10.0)))
                        .classification())
                .isEqualTo(Classification.OK);
    }

    @ParameterizedTest(name = "{0} critical sample(s) in a row, rollback after {1}: {2}")
    @CsvSource({"1, 1, ROLL_BACK", "1, 3, CONTINUE", "2, 3, CONTINUE", "3, 3, ROLL_BACK", "4, 3, ROLL_BACK"})
    void shouldRollBackAfterTheConfiguredRunOfCriticalSamples(int run, int needed, AnalysisDecision.Kind expected) {
        Analyzer counting = new Analyzer(
                AnalysisThresholds.defaults().withConsecutiveCriticalForRollback(needed),
                EnumSet.of(Metric.ERROR_RATE));
        SampleVerdict critical = counting.classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, 2.0)));
        AnalysisRun history = AnalysisRun.empty();
        for (int i = 0; i < run; i++) {
            history = history.plus(critical, WINDOW.to());
        }

        AnalysisDecision decision = counting.judge(history, critical);

        assertThat(decision.kind()).isEqualTo(expected);
        if (expected == AnalysisDecision.Kind.ROLL_BACK) {
            assertThat(decision.reason())
                    .isEqualTo(run + " consecutive critical sample(s) (rollback after " + needed
                            + "): error rate 2.00 % > 1.00 % critical");
        }
    }

    @Test
    void shouldResetTheRunOfCriticalSamplesOnAHealthyOne() {
        SampleVerdict critical = analyzer.classify(new MetricReadings(WINDOW, Map.of(Metric.ERROR_RATE, 2.0)));
        SampleVerdict healthy = analyzer.classify(new MetricReadings(
                WINDOW,
                Map.of(
                        Metric.ERROR_RATE,
                        0.0,
                        Metric.LATENCY_P95,
                        10.0,
                        Metric.AVAILABILITY,
                        100.0,
                        Metric.TEST_PASS_RATE,
                        100.0)));

        AnalysisRun run = AnalysisRun.empty().plus(critical, WINDOW.to()).plus(healthy, WINDOW.to());

        assertThat(run.consecutiveCritical()).isZero();
        assertThat(run.critical()).isEqualTo(1);
        assertThat(run.ok()).isEqualTo(1);
        assertThat(analyzer.judge(run, healthy).kind()).isEqualTo(AnalysisDecision.Kind.CONTINUE);
    }

    @Test
    void shouldReportASourceThatCouldNotBeAsked() {
        SampleVerdict verdict = Analyzer.unavailable(WINDOW, "prometheus timed out");

        assertThat(verdict.classification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(analyzer.judge(AnalysisRun.empty().plus(verdict, WINDOW.to()), verdict))
                .isEqualTo(new AnalysisDecision(
                        AnalysisDecision.Kind.INCONCLUSIVE, "inconclusive sample: prometheus timed out"));
    }

    @Test
    void shouldJudgeASampleFromASourceThatFailsAsInconclusiveWithTheError() {
        Analyzer analyzer = new Analyzer(AnalysisThresholds.defaults(), EnumSet.of(Metric.ERROR_RATE));
        ScriptedMetricSource failing = new ScriptedMetricSource().script(window -> {
            throw new IllegalStateException("connection refused");
        });

        SampleVerdict verdict = analyzer.sample(failing, WINDOW);

        assertThat(verdict.classification()).isEqualTo(Classification.INCONCLUSIVE);
        assertThat(verdict.explainAll()).isEqualTo("scripted metrics failed: connection refused");
        assertThat(verdict.window()).isEqualTo(WINDOW);
    }

    @Test
    void shouldJudgeASampleFromASourceThatAnswers() {
        Analyzer analyzer = new Analyzer(AnalysisThresholds.defaults(), EnumSet.of(Metric.ERROR_RATE));
        ScriptedMetricSource source = new ScriptedMetricSource().script(window -> Map.of(Metric.ERROR_RATE, 2.0));

        SampleVerdict verdict = analyzer.sample(source, WINDOW);

        assertThat(verdict.classification()).isEqualTo(Classification.CRITICAL);
        assertThat(source.windows()).containsExactly(WINDOW);
    }
}
