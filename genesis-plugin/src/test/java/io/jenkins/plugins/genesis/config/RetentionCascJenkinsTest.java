package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.Retention;
import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import java.time.Duration;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of each environment's record retention: {@code retention/configuration-as-code.yaml}
 * (the keys of genesis.yaml) is applied, applied again through the web UI, and read back after a restart; each
 * time the engine's binder reads the same retention. Run by the real plugin build (docs/building.md).
 */
class RetentionCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected String configResource() {
        return "retention/configuration-as-code.yaml";
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        RecordRetention retention = GenesisConfiguration.get().retention();
        assertThat(retention.of("production")).isEqualTo(new Retention(1000, Duration.ofDays(730)));
        assertThat(retention.of("staging")).isEqualTo(new Retention(50, Duration.ofDays(365)));
        assertThat(retention.of("qa")).isEqualTo(Retention.DEFAULT);
    }

    @Override
    protected String stringInLogExpected() {
        return "retention";
    }
}
