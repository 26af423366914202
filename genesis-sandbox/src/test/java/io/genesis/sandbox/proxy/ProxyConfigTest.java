package io.genesis.sandbox.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyConfigTest {

    @Test
    void shouldDefaultToDeterministicSelectionOnAnyPort() {
        ProxyConfig config = ProxyConfig.defaults();

        assertThat(config.port()).isZero();
        assertThat(config.selection()).isEqualTo(SelectionMode.SMOOTH_ROUND_ROBIN);
        assertThat(config.withSelection(SelectionMode.RANDOM, 9).seed()).isEqualTo(9);
        assertThat(config.withPort(8080).port()).isEqualTo(8080);
        assertThat(config.withRequestTimeout(Duration.ofSeconds(1)).requestTimeout())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({"-1, false", "0, true", "65535, true", "65536, false"})
    void shouldBoundThePort(int port, boolean valid) {
        if (valid) {
            assertThat(ProxyConfig.defaults().withPort(port).port()).isEqualTo(port);
        } else {
            assertThatThrownBy(() -> ProxyConfig.defaults().withPort(port)).hasMessageContaining("port must be 0");
        }
    }

    @ParameterizedTest
    @CsvSource({"0, false", "1, true", "4096, true", "4097, false"})
    void shouldBoundConnectionsPerSlot(int connections, boolean valid) {
        ProxyConfig base = ProxyConfig.defaults();
        if (valid) {
            assertThat(new ProxyConfig(
                                    0, base.selection(), 0, base.connectTimeout(), base.requestTimeout(), connections)
                            .maxConnectionsPerSlot())
                    .isEqualTo(connections);
        } else {
            assertThatThrownBy(() -> new ProxyConfig(
                            0, base.selection(), 0, base.connectTimeout(), base.requestTimeout(), connections))
                    .hasMessageContaining("maxConnectionsPerSlot must be between 1 and 4096");
        }
    }

    @Test
    void shouldRejectMissingOrNonPositiveSettings() {
        ProxyConfig base = ProxyConfig.defaults();

        assertThatThrownBy(() -> base.withSelection(null, 0)).hasMessageContaining("selection is required");
        assertThatThrownBy(() -> base.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> new ProxyConfig(0, base.selection(), 0, null, base.requestTimeout(), 1))
                .hasMessageContaining("connectTimeout");
    }
}
