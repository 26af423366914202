package io.jenkins.plugins.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import java.util.List;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code: {@code configuration-as-code.yaml} beside this class is applied, applied
 * again through the web UI, and read back after a restart; each time Jenkins must hold the same
 * environments.
 */
class GenesisConfigurationCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        assertThat(GenesisConfiguration.get().toPolicy())
                .isEqualTo(EnvironmentTranslation.toEngine(
                        List.of(GenesisConfigurationJenkinsTest.canary(), GenesisConfigurationJenkinsTest.qa())));
    }

    @Override
    protected String stringInLogExpected() {
        return "eu-canary";
    }
}
