package io.genesis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.proxy.ProxyConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

    @Test
    void shouldDefaultToInProcessSlotsAndTenMinutesOfMetrics() {
        SandboxConfig config = SandboxConfig.defaults();

        assertThat(config.launcher()).isInstanceOf(InProcessSlotLauncher.class);
        assertThat(config.window()).isEqualTo(WindowLayout.defaults());
        assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldReplaceOneSettingAtATime() {
        ManualClock clock = ManualClock.atStartOf2026();
        WindowLayout window = new WindowLayout(Duration.ofSeconds(1), 10);

        SandboxConfig config = SandboxConfig.defaults()
                .withClock(clock)
                .withWindow(window)
                .withProxy(ProxyConfig.defaults().withPort(0))
                .withDrainTimeout(Duration.ZERO)
                .withLauncher(InProcessSlotLauncher.healthy());

        assertThat(config.clock()).isSameAs(clock);
        assertThat(config.window()).isEqualTo(window);
        assertThat(config.drainTimeout()).isZero();
    }

    @Test
    void shouldRejectMissingOrNegativeSettings() {
        SandboxConfig config = SandboxConfig.defaults();

        assertThatThrownBy(() -> config.withClock(null)).hasMessageContaining("are all required");
        assertThatThrownBy(() -> config.withDrainTimeout(Duration.ofMillis(-1))).hasMessageContaining("drainTimeout");
        assertThatThrownBy(() -> new SandboxConfig(
                        config.launcher(),
                        config.proxy(),
                        config.clock(),
                        config.window(),
                        config.drainTimeout(),
                        Duration.ZERO))
                .hasMessageContaining("healthTimeout");
    }
}
