package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.watch.WatchThresholds;
import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import java.time.Duration;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of an environment's post-deploy watch thresholds: {@code watch/configuration-as-code.yaml}
 * (the keys of genesis.yaml) is applied, applied again through the web UI, and read back after a restart;
 * each time the engine's binder reads the same thresholds. Run by the real plugin build (docs/building.md).
 */
class WatchThresholdsCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected String configResource() {
        return "watch/configuration-as-code.yaml";
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        WatchThresholds set =
                GenesisConfiguration.get().watchThresholds("production").orElseThrow();
        assertThat(set.thresholds().limits().get(Metric.ERROR_RATE)).isEqualTo(MetricThresholds.of(0.05, 0.5, 2));
        assertThat(set.thresholds().limits().get(Metric.LATENCY_P95)).isEqualTo(MetricThresholds.of(200, 400));
        assertThat(set.thresholds().consecutiveCriticalForRollback()).isEqualTo(2);
        assertThat(set.thresholds().sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.recoverySamples()).isEqualTo(3);
    }

    @Override
    protected String stringInLogExpected() {
        return "watchThresholds";
    }
}
