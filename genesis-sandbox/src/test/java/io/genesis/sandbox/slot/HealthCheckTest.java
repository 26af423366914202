package io.genesis.sandbox.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCheckTest {

    @ParameterizedTest
    @CsvSource({"199, false", "200, true", "201, false", "503, false"})
    void shouldBeHealthyOnlyFor200(int status, boolean healthy) {
        HealthCheck check = HealthCheck.answered(status);

        assertThat(check.healthy()).isEqualTo(healthy);
        assertThat(check.detail()).isEqualTo("health endpoint answered " + status);
    }

    @Test
    void shouldSayWhyNothingAnswered() {
        HealthCheck check = HealthCheck.unreachable("ConnectException");

        assertThat(check.healthy()).isFalse();
        assertThat(check.status()).isZero();
        assertThat(check.detail()).contains("did not answer: ConnectException");
    }

    @Test
    void shouldRejectInconsistentChecks() {
        assertThatThrownBy(() -> new HealthCheck(true, 500, "x"))
                .hasMessageContaining("only be healthy with status 200");
        assertThatThrownBy(() -> new HealthCheck(false, 99, "x")).hasMessageContaining("status must be 0");
        assertThatThrownBy(() -> new HealthCheck(false, 600, "x")).hasMessageContaining("status must be 0");
        assertThatThrownBy(() -> new HealthCheck(false, 0, " ")).hasMessageContaining("detail is required");
    }
}
