package io.genesis.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetValuesTest {

    @Test
    void shouldKeyDeploymentsByApplicationAndEnvironment() {
        DeploymentKey key = DeploymentKey.of("shop", "eu-production");

        assertThat(key).hasToString("shop in eu-production");
        assertThat(key.fileName()).isEqualTo("shop.eu-production");
        assertThat(key.compareTo(DeploymentKey.of("shop", "staging"))).isNegative();
        assertThat(key.compareTo(DeploymentKey.of("cart", "staging"))).isPositive();
        assertThatThrownBy(() -> DeploymentKey.of("Shop", "staging"))
                .hasMessageStartingWith("application name 'Shop' is not valid");
        assertThatThrownBy(() -> DeploymentKey.of("shop", "prod.eu"))
                .hasMessageStartingWith("environment name 'prod.eu'");
    }

    @ParameterizedTest(name = "surge {0} %, unavailable {1} %")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 0 | maxSurge and maxUnavailable are both 0 %, so no instance could ever be replaced",
                "25 | 100 | maxUnavailable must be below 100 %, or every instance could be down at once; got 100 %",
            })
    void shouldRefuseRollingBoundsThatCannotWork(double surge, double unavailable, String message) {
        assertThatThrownBy(() -> new RollingBounds(new Percentage(surge), new Percentage(unavailable)))
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "surge {0} %, unavailable {1} % -> batch {2} %")
    @CsvSource({"25, 0, 25", "0, 30, 30", "80, 50, 100", "100, 0, 100"})
    void shouldReplaceAsManyInstancesPerBatchAsTheBoundsAllow(double surge, double unavailable, double batch) {
        assertThat(new RollingBounds(new Percentage(surge), new Percentage(unavailable)).batch())
                .isEqualTo(batch);
    }

    @Test
    void shouldDescribeHealthAndContexts() {
        assertThat(Health.healthy("3 of 3 ready")).hasToString("healthy: 3 of 3 ready");
        assertThat(Health.progressing(null)).hasToString("progressing");
        assertThat(Health.unhealthy("CrashLoopBackOff").isHealthy()).isFalse();
        assertThat(RollingBounds.DEFAULT).hasToString("max surge 25.00 %, max unavailable 0.00 %");
        DeploymentContext context =
                new DeploymentContext("r-1", DeploymentKey.of("shop", "staging"), new Version("1.2.3"), "ABCDEF0");
        assertThat(context.commit()).isEqualTo("abcdef0");
        assertThatThrownBy(() -> new DeploymentContext(" ", context.key(), context.version(), "abcdef0"))
                .hasMessage("rolloutId must not be blank");
    }

    @Test
    void shouldDescribeTargetsWithoutSecrets() {
        TargetSpec spec = new TargetSpec("kubernetes", Map.of("namespace", "prod", "deployment", "shop"));

        assertThat(spec.settings()).containsOnlyKeys("namespace", "deployment");
        assertThat(TargetSpec.of("sandbox").settings()).isEmpty();
        assertThatThrownBy(() -> TargetSpec.of(" ")).hasMessageStartingWith("target kind must not be blank");
        assertThat(new TargetException("x", new IllegalStateException()).getCause())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSayWhatATargetCannotDo() {
        DeploymentTarget minimal = new DeploymentTarget() {
            @Override
            public String describe() {
                return "minimal";
            }

            @Override
            public void deployCandidate(DeploymentContext context) {}

            @Override
            public Health health(DeploymentContext context) {
                return Health.healthy("");
            }

            @Override
            public Health smokeCheck(DeploymentContext context) {
                return Health.healthy("");
            }

            @Override
            public void promote(DeploymentContext context) {}

            @Override
            public void scaleDownPrevious(DeploymentContext context) {}

            @Override
            public void rollback(DeploymentContext context) {}
        };

        assertThat(minimal.trafficRouter()).isEmpty();
        assertThat(minimal.rollingUpdater()).isEmpty();
    }
}
