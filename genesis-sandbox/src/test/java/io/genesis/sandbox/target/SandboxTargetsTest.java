package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxTargetsTest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");

    private final SandboxTargets registry = new SandboxTargets();

    @Test
    void shouldNameTheKeyAndScopeInTheMetricSpec() {
        MetricSpec spec = SandboxTargets.metricSpec(SHOP, MetricScope.OVERALL, 20);

        assertThat(spec.kind()).isEqualTo("sandbox");
        assertThat(spec.settings())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "application", "shop", "environment", "staging", "scope", "overall", "minRequests", "20"));
        assertThat(SandboxTargets.metricSpec(SHOP).settings())
                .containsEntry("scope", "candidate")
                .containsEntry("minRequests", "1");
        assertThat(SandboxTargets.targetSpec()).isEqualTo(TargetSpec.of("sandbox"));
    }

    @Test
    void shouldRefuseAnotherKindOfTarget() {
        assertThatThrownBy(() -> registry.open(SHOP, TargetSpec.of("kubernetes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown target kind 'kubernetes' for the sandbox registry; known: sandbox");
    }

    @Test
    void shouldRefuseAnotherKindOfMetricSource() {
        assertThatThrownBy(() -> registry.open(MetricSpec.of("prometheus")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown metric source kind 'prometheus' for the sandbox registry; known: sandbox");
    }

    @Test
    void shouldSayThatNoSandboxRunsForAnUnknownKey() {
        assertThatThrownBy(() -> registry.open(SHOP, SandboxTargets.targetSpec()))
                .isInstanceOf(TargetException.class)
                .hasMessage("no sandbox runs for shop in staging in this process (sandboxes live only as long as the"
                        + " process that started them); registered: []");
        assertThatThrownBy(() -> registry.open(SandboxTargets.metricSpec(SHOP)))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("no sandbox runs for shop in staging");
        assertThat(registry.find(SHOP)).isEmpty();
        assertThat(registry.unregister(SHOP)).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownMetricSetting() {
        MetricSpec typo =
                new MetricSpec("sandbox", Map.of("application", "shop", "environment", "staging", "scop", "x"));

        assertThatThrownBy(() -> registry.open(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sandbox metric setting 'scop'; known: [application, environment, minRequests,"
                        + " scope]");
    }

    @ParameterizedTest
    @CsvSource({"application", "environment"})
    void shouldNeedTheApplicationAndEnvironment(String missing) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("application", "shop", "environment", "staging"));
        settings.remove(missing);

        assertThatThrownBy(() -> registry.open(new MetricSpec("sandbox", settings)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "sandbox metric spec needs setting '" + missing + "', such as SandboxTargets.metricSpec(key)");
    }

    @Test
    void shouldRejectAMinimumThatIsNotANumber() {
        MetricSpec spec = new MetricSpec(
                "sandbox", Map.of("application", "shop", "environment", "staging", "minRequests", "ten"));

        assertThatThrownBy(() -> registry.open(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sandbox metric setting 'minRequests' must be a whole number, got 'ten'");
    }
}
