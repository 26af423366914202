package io.genesis.sandbox.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultProfileTest {

    @Test
    void shouldBehaveByDefault() {
        FaultProfile none = FaultProfile.none();

        assertThat(none.failureShare()).isEqualTo(Percentage.ZERO);
        assertThat(none.addedLatency()).isZero();
        assertThat(none.healthy()).isTrue();
    }

    @Test
    void shouldCombineFaults() {
        FaultProfile profile =
                FaultProfile.none().failing(20).slowedBy(Duration.ofMillis(50)).unhealthy();

        assertThat(profile).isEqualTo(new FaultProfile(new Percentage(20), Duration.ofMillis(50), false));
    }

    @ParameterizedTest
    @CsvSource({"PT0S, true", "PT1M, true", "PT1M0.000000001S, false", "PT-0.001S, false"})
    void shouldBoundTheAddedLatency(Duration latency, boolean accepted) {
        if (accepted) {
            assertThat(FaultProfile.none().slowedBy(latency).addedLatency()).isEqualTo(latency);
        } else {
            assertThatThrownBy(() -> FaultProfile.none().slowedBy(latency))
                    .hasMessageContaining("addedLatency must be between 0 and PT1M");
        }
    }

    @ParameterizedTest
    @CsvSource({"-0.01", "100.01"})
    void shouldRejectSharesOutsideZeroToHundred(double percent) {
        assertThatThrownBy(() -> FaultProfile.none().failing(percent)).hasMessageContaining("failureShare");
    }

    @Test
    void shouldRequireAShare() {
        assertThatThrownBy(() -> new FaultProfile(null, Duration.ZERO, true))
                .hasMessageContaining("failureShare is required");
    }
}
