package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.policy.EnvironmentBinder;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchThresholdsBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An environment's watch thresholds from the global configuration (bound as Configuration as Code binds
 * them) reach the engine's binder as genesis.yaml's would, with its defaults, ranges and messages.
 */
class WatchThresholdsConfigTest {

    private static Map<String, WatchThresholds> bind(Map<String, Object> watchThresholds) throws Exception {
        EnvironmentConfig production = CascLikeBinding.bind(
                EnvironmentConfig.class,
                Map.of("name", "production", "minPassRate", 98, "minCoverage", 85, "watchThresholds", watchThresholds));
        return WatchThresholdsBinder.bind(EnvironmentBinder.bind(EnvironmentTranslation.document(List.of(production))));
    }

    @Test
    void shouldGiveTheEngineTheSectionInGenesisYamlsKeys() throws Exception {
        WatchThresholds set = bind(Map.of(
                        "errorRate",
                        Map.of("warning", 0.05, "critical", 0.5, "rollback", 2),
                        "consecutiveCritical",
                        2,
                        "recoverySamples",
                        3,
                        "sampleInterval",
                        "10s"))
                .get("production");

        assertThat(set.thresholds().limits().get(Metric.ERROR_RATE)).isEqualTo(MetricThresholds.of(0.05, 0.5, 2));
        assertThat(set.thresholds().limits().get(Metric.LATENCY_P95)).isEqualTo(MetricThresholds.of(200, 500));
        assertThat(set.thresholds().consecutiveCriticalForRollback()).isEqualTo(2);
        assertThat(set.thresholds().sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.recoverySamples()).isEqualTo(3);
    }

    @Test
    void shouldRefuseWithTheEnginesMessage() {
        assertThatThrownBy(() -> bind(Map.of("consecutiveCritical", 0)))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e -> assertThat(e.path()).isEqualTo("environments[0].watchThresholds.consecutiveCritical"))
                .hasMessageContaining("must be a whole number of samples from 1 to 100, not '0'");
        assertThatThrownBy(() -> bind(Map.of("errorRate", Map.of("warning", 2, "critical", 1))))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("error rate critical threshold 1.00 % is milder than its warning threshold");
    }

    @Test
    void shouldSetNothingWhenTheFormHasNoThresholds() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setMinPassRate(98.0);
        production.setMinCoverage(85.0);

        assertThat(production.getWatchThresholds()).isNull();
        assertThat(WatchThresholdsBinder.bind(
                        EnvironmentBinder.bind(EnvironmentTranslation.document(List.of(production)))))
                .isEmpty();
    }
}
