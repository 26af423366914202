package io.genesis.sandbox;

import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.proxy.ProxyConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.SlotLauncher;
import java.time.Clock;
import java.time.Duration;

/**
 * Settings of a {@link Sandbox}.
 *
 * @param launcher how {@link Sandbox#startSlot(String)} starts versions
 * @param proxy the weighted proxy's settings
 * @param clock the time metrics windows are measured in
 * @param window how long and how finely metrics are kept
 * @param drainTimeout how long stopping a slot waits for its requests in flight
 * @param healthTimeout how long a health check waits for an answer
 */
public record SandboxConfig(
        SlotLauncher launcher,
        ProxyConfig proxy,
        Clock clock,
        WindowLayout window,
        Duration drainTimeout,
        Duration healthTimeout) {

    public SandboxConfig {
        if (launcher == null || proxy == null || clock == null || window == null) {
            throw new IllegalArgumentException("launcher, proxy, clock and window are all required");
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must be zero or positive, got " + drainTimeout);
        }
        if (healthTimeout == null || healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("healthTimeout must be positive, got " + healthTimeout);
        }
    }

    /**
     * In-process sample versions that behave, default proxy settings, the system clock, ten minutes of
     * metrics, 30 s to drain and 2 s per health check.
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig(
                InProcessSlotLauncher.healthy(),
                ProxyConfig.defaults(),
                Clock.systemUTC(),
                WindowLayout.defaults(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }

    /** These settings with another launcher. */
    public SandboxConfig withLauncher(SlotLauncher newLauncher) {
        return new SandboxConfig(newLauncher, proxy, clock, window, drainTimeout, healthTimeout);
    }

    /** These settings with other proxy settings. */
    public SandboxConfig withProxy(ProxyConfig newProxy) {
        return new SandboxConfig(launcher, newProxy, clock, window, drainTimeout, healthTimeout);
    }

    /** These settings with another metrics clock. */
    public SandboxConfig withClock(Clock newClock) {
        return new SandboxConfig(launcher, proxy, newClock, window, drainTimeout, healthTimeout);
    }

    /** These settings with another metrics layout. */
    public SandboxConfig withWindow(WindowLayout newWindow) {
        return new SandboxConfig(launcher, proxy, clock, newWindow, drainTimeout, healthTimeout);
    }

    /** These settings with another drain timeout. */
    public SandboxConfig withDrainTimeout(Duration newDrainTimeout) {
        return new SandboxConfig(launcher, proxy, clock, window, newDrainTimeout, healthTimeout);
    }
}
