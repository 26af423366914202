package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environments;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.target.TargetSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The environment's configured metric source reaches the rollout when the step names no probe. */
class DeployMetricsTranslationTest {

    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final MetricSpec WEB = new MetricSpec(
            "web",
            Map.of(
                    "url", "https://api.datadoghq.com/api/v1/query?query=errors{version:$version}",
                    "errorRate", "/series/0/pointlist/0/1",
                    "header.DD-API-KEY", "credentials:datadog-api-key"));

    private static RolloutRequest request(GenesisDeployStep step) {
        return DeployTranslation.request(
                step,
                Environments.defaults().named("staging"),
                new TargetSpec("kubernetes", Map.of("namespace", "shop")),
                new BuildFacts("shop/main#7", "bob", "ci-bot", Map.of("GIT_COMMIT", COMMIT, "BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY,
                Optional.of(WEB));
    }

    @Test
    void shouldMeasureWithTheConfiguredSourceBoundToTheBuild() {
        GenesisDeployStep step = new GenesisDeployStep("shop", "staging");
        step.setImage("registry.example.com/shop:1.4.0");

        RolloutRequest request = request(step);

        assertThat(request.metrics().kind()).isEqualTo("web");
        assertThat(request.metrics().settings())
                .containsEntry("url", "https://api.datadoghq.com/api/v1/query?query=errors{version:1.4.0}")
                .containsEntry("header.DD-API-KEY", "credentials:datadog-api-key;run=shop/main#7");
    }

    @Test
    void shouldLetTheStepsOwnProbeWin() {
        GenesisDeployStep step = new GenesisDeployStep("shop", "staging");
        step.setProbeUrl("http://127.0.0.1:8080/health");

        assertThat(request(step).metrics().kind()).isEqualTo("httpProbe");
    }
}
