package io.jenkins.plugins.genesis.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import io.jenkins.plugins.genesis.config.EnvironmentConfig;
import io.jenkins.plugins.genesis.config.GenesisConfiguration;
import java.util.Map;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Configuration as Code of each environment's target: {@code configuration-as-code.yaml} beside this
 * class is applied, applied again through the web UI, and read back after a restart; each time the
 * targets hold the same settings. Run by the real plugin build (docs/building.md).
 */
class KubernetesTargetCascJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        assertThat(settingsOf("production"))
                .isEqualTo(Map.of(
                        "namespace", "prod",
                        "credentialsId", "kube-prod",
                        "serverUrl", "https://127.0.0.1:6443",
                        "scaleDownDelaySeconds", "45"));
        assertThat(settingsOf("staging")).isEqualTo(Map.of("cloud", "staging-cluster", "namespace", "staging"));
    }

    private static Map<String, String> settingsOf(String environment) {
        EnvironmentConfig config =
                GenesisConfiguration.get().environment(environment).orElseThrow();
        return ((KubernetesTarget) config.getTarget()).settings();
    }

    @Override
    protected String stringInLogExpected() {
        return "kube-prod";
    }
}
