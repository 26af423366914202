package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.DeploymentTarget;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxKindTest {

    private static final DeploymentKey KEY = DeploymentKey.of("shop", "staging");
    private static final DeploymentContext CONTEXT =
            new DeploymentContext("r-1", KEY, new Version("1.3.0"), "a1b2c3d4e5f6071");

    private final SandboxKind kind = SandboxKind.standard();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "failure|50|unknown sandbox option 'failure'; known: failPercent (share of requests the candidate"
                        + " fails with 500, default 0), latencyMs (",
                "failPercent|-1|sandbox option failPercent must be a number from 0 to 100, got '-1'",
                "latencyMs|soon|sandbox option latencyMs must be a number from 0 to 60000, got 'soon'",
                "load|300|sandbox option load must be a number from 0 to 256, got '300'",
                "unhealthy|maybe|sandbox option unhealthy must be true or false, got 'maybe'",
                "stable|-x|version '-x' is not valid"
            })
    void shouldRefuseBadOptionsNamingTheKnownOnes(String option, String value, String expected) {
        assertThatThrownBy(() -> kind.check(KEY, Map.of(option, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
        assertThat(kind.sandbox()).isEmpty();
    }

    @Test
    void shouldAcceptTheDocumentedOptions() {
        kind.check(
                KEY,
                Map.of("stable", "1.2.0", "failPercent", "25", "latencyMs", "40", "unhealthy", "false", "load", "0"));

        assertThat(kind.sandbox()).as("checking starts nothing").isEmpty();
    }

    @Test
    void shouldSeeARolloutOfAnotherProcessesSandboxAsVanished() {
        TargetSpec elsewhere = new TargetSpec(SandboxKind.NAME, Map.of(SandboxKind.INSTANCE, "another-process"));

        DeploymentTarget target = kind.open(KEY, elsewhere);

        assertThat(target).isInstanceOf(VanishedTarget.class);
        assertThat(target.describe()).isEqualTo("sandbox shop in staging (gone)");
        assertThatThrownBy(() -> target.rollback(CONTEXT))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot roll back on sandbox shop in staging: it ran inside the genesis process that"
                        + " deployed it, and that process has ended; nothing of it remains to change");
        assertThat(kind.sandbox())
                .as("opening a vanished target starts nothing")
                .isEmpty();
    }

    @Test
    void shouldTellMetricsOfAnotherProcessesSandboxFromItsOwn() {
        MetricSpec ours = kind.metricsFor(KEY, new TargetSpec(SandboxKind.NAME, Map.of(SandboxKind.INSTANCE, "x")))
                .orElseThrow();

        assertThat(ours.settings())
                .containsEntry(SandboxKind.INSTANCE, "x")
                .containsEntry("application", "shop")
                .containsEntry("environment", "staging")
                .containsEntry("minRequests", "10");
        assertThat(kind.openMetrics(ours)).isInstanceOf(VanishedTarget.class);
        assertThatThrownBy(() ->
                        kind.openMetrics(ours).sample(new MetricWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))))
                .hasMessageContaining("cannot measure the candidate on sandbox shop in staging");
    }

    @Test
    void shouldLetAVanishedTargetScaleDownButNothingElse() {
        VanishedTarget gone = new VanishedTarget("sandbox shop in staging", "its process ended");

        gone.scaleDownPrevious(CONTEXT);

        assertThat(gone.health(CONTEXT).state()).isEqualTo(Health.State.UNHEALTHY);
        assertThat(gone.smokeCheck(CONTEXT).message()).isEqualTo("sandbox shop in staging is gone: its process ended");
        assertThat(gone.metrics()).isEmpty();
        assertThatThrownBy(() -> gone.deployCandidate(CONTEXT)).hasMessageStartingWith("cannot deploy the candidate");
        assertThatThrownBy(() -> gone.promote(CONTEXT)).hasMessageStartingWith("cannot promote the candidate");
        assertThat(gone.trafficRouter()).isEmpty();
    }
}
