package io.jenkins.plugins.genesis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildSecretsTest {

    @Test
    void shouldBindOnlyCredentialReferencesToTheBuildOnce() {
        MetricSpec spec = new MetricSpec(
                "web", Map.of("url", "https://api.example.com/q", "token", "credentials:nr", "errorRate", "/v"));

        MetricSpec bound = BuildSecrets.forBuild(BuildSecrets.forBuild(spec, "shop/main#7"), "shop/main#8");

        assertThat(bound.settings())
                .containsEntry("token", "credentials:nr;run=shop/main#7")
                .containsEntry("url", "https://api.example.com/q")
                .containsEntry("errorRate", "/v");
    }

    @Test
    void shouldRefuseAReferenceThatIsNotBoundToABuild() {
        assertThatThrownBy(() -> new BuildSecrets().resolve("env:DD_API_KEY"))
                .hasMessageContaining("is not a credential of a build");
    }
}
