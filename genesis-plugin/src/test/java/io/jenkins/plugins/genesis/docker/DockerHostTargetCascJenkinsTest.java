package io.jenkins.plugins.genesis.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.util.Map;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of an environment's Docker target: {@code configuration-as-code.yaml} beside this
 * class is applied, applied again through the web UI, and read back after a restart; each time the target
 * holds the same settings. Run by the real plugin build (docs/building.md).
 */
class DockerHostTargetCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        EnvironmentConfig config =
                GenesisConfiguration.get().environment("production").orElseThrow();
        assertThat(((DockerHostTarget) config.getTarget()).settings())
                .isEqualTo(Map.of("host", "unix:///var/run/docker.sock", "proxyPort", "8080", "replicas", "2"));
    }

    @Override
    protected String stringInLogExpected() {
        return "unix:///var/run/docker.sock";
    }
}
