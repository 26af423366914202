package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyCases;
import io.genesis.core.policy.PolicyException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An environment's {@code watchThresholds:}: defaults for what is left out, ranges, unknown keys, who may set it. */
class WatchThresholdsBinderTest {

    private static Map<String, WatchThresholds> bind(String section) {
        return WatchThresholdsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                environments:
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    watchThresholds:
                """ + section.indent(6))));
    }

    @Test
    void shouldBindTheBoundsGivenAndKeepTheReleaseGuidesForTheRest() {
        WatchThresholds set = bind("""
                errorRate: {warning: 0.05, critical: 0.5, rollback: 2}
                latencyP95: {critical: 400}
                consecutiveCritical: 3
                recoverySamples: 4
                sampleInterval: 10s
                """).get("production");

        AnalysisThresholds thresholds = set.thresholds();
        assertThat(thresholds.limits().get(Metric.ERROR_RATE)).isEqualTo(MetricThresholds.of(0.05, 0.5, 2));
        assertThat(thresholds.limits().get(Metric.LATENCY_P95)).isEqualTo(MetricThresholds.of(200, 400));
        assertThat(thresholds.limits().get(Metric.AVAILABILITY))
                .isEqualTo(AnalysisThresholds.defaults().limits().get(Metric.AVAILABILITY));
        assertThat(thresholds.consecutiveCriticalForRollback()).isEqualTo(3);
        assertThat(thresholds.sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.recoverySamples()).isEqualTo(4);
    }

    @Test
    void shouldSetNothingForAnEnvironmentWithoutTheSection() {
        assertThat(WatchThresholdsBinder.bind(EnvironmentBinder.bind(PolicyCases.tree("""
                        environments:
                          - name: staging
                            minPassRate: 95
                            minCoverage: 85
                        """))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "consecutiveCritical: 0|watchThresholds.consecutiveCritical|from 1 to 100, not '0'",
                "consecutiveCritical: 101|watchThresholds.consecutiveCritical|from 1 to 100, not '101'",
                "recoverySamples: 1.5|watchThresholds.recoverySamples|from 1 to 100, not '1.5'",
                "sampleInterval: 500ms|watchThresholds.sampleInterval|must be from 1s to 1h, not 500 ms",
                "sampleInterval: 2h|watchThresholds.sampleInterval|must be from 1s to 1h, not 2 h",
                "errorRate: {warning: 2, critical: 1}|watchThresholds.errorRate|is milder than its warning threshold",
                "availability: {critical: 101}|watchThresholds.availability|is out of range",
                "errorRate: {warning: high}|watchThresholds.errorRate.warning|must be a number",
                "errorRate: 5|watchThresholds.errorRate|must be a mapping",
                "errorRate: {rollbak: 5}|watchThresholds.errorRate.rollbak|is not a bound; fix: use one of warning,"
                        + " critical, rollback",
                "cpu: {warning: 80}|watchThresholds.cpu|is not a watch threshold; fix: use one of errorRate,"
                        + " latencyP95, availability, testPassRate, consecutiveCritical, recoverySamples,"
                        + " sampleInterval"
            })
    void shouldRefuseAValueOutOfRangeOrAnUnknownKeyNamingWhere(String yaml, String key, String message) {
        assertThatThrownBy(() -> bind(yaml))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0]." + key))
                .hasMessageContaining("production")
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseThresholdsFromACheckoutForAProtectedEnvironment() {
        assertThatThrownBy(() ->
                        CheckoutPolicy.tighten(Environments.defaults(), "the built-in defaults", PolicyCases.tree("""
                                environments:
                                  - name: production
                                    watchThresholds: {errorRate: {rollback: 50}}
                                """)))
                .isInstanceOfSatisfying(
                        PolicyException.class, e -> assertThat(e.path()).isEqualTo("environments[0].watchThresholds"))
                .hasMessageContaining("production is protected, and a checkout may not name how its post-deploy"
                        + " watch judges a version");
    }

    @Test
    void shouldLetACallSampleMoreOftenThanTheEnvironmentNeverLessOften() {
        Optional<WatchThresholds> set = Optional.of(bind("sampleInterval: 30s").get("production"));
        UnaryOperator<String> options = field -> "--" + field;

        AnalysisThresholds faster = new WatchTuning(null, "10s", null)
                .thresholds(AnalysisThresholds.defaults().withSampleInterval(Duration.ofMinutes(5)), set, options);

        assertThat(faster.sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(
                        () -> new WatchTuning(null, "1m", null).thresholds(AnalysisThresholds.defaults(), set, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sampleInterval 1m samples less often than the environment's watchThresholds allow"
                        + " (every 30 s); fix: sample at least that often, or leave --sampleInterval out");
        assertThat(new WatchTuning(null, null, null)
                        .thresholds(AnalysisThresholds.defaults(), set, options)
                        .sampleInterval())
                .isEqualTo(Duration.ofSeconds(30));
    }
}
