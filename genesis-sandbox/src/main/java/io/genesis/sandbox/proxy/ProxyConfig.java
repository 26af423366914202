package io.genesis.sandbox.proxy;

import java.time.Duration;

/**
 * Settings of the weighted proxy.
 *
 * @param port the loopback port to listen on, 0 for any free port
 * @param selection how weights become a choice per request
 * @param seed the seed of {@link SelectionMode#RANDOM}
 * @param connectTimeout how long to wait for a slot to accept a connection
 * @param requestTimeout how long a slot may take to answer completely before the client gets 504
 * @param maxConnectionsPerSlot connections the proxy opens to one slot at most; requests beyond wait
 */
public record ProxyConfig(
        int port,
        SelectionMode selection,
        long seed,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConnectionsPerSlot) {

    public ProxyConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
        }
        if (selection == null) {
            throw new IllegalArgumentException("selection is required: SMOOTH_ROUND_ROBIN or RANDOM");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        if (maxConnectionsPerSlot < 1 || maxConnectionsPerSlot > 4_096) {
            throw new IllegalArgumentException(
                    "maxConnectionsPerSlot must be between 1 and 4096, got " + maxConnectionsPerSlot);
        }
    }

    /** Any port, smooth weighted round-robin, 2 s to connect, 30 s to answer, 256 connections per slot. */
    public static ProxyConfig defaults() {
        return new ProxyConfig(
                0, SelectionMode.SMOOTH_ROUND_ROBIN, 0L, Duration.ofSeconds(2), Duration.ofSeconds(30), 256);
    }

    /** These settings on {@code newPort}. */
    public ProxyConfig withPort(int newPort) {
        return new ProxyConfig(newPort, selection, seed, connectTimeout, requestTimeout, maxConnectionsPerSlot);
    }

    /** These settings with another selection mode and seed. */
    public ProxyConfig withSelection(SelectionMode mode, long newSeed) {
        return new ProxyConfig(port, mode, newSeed, connectTimeout, requestTimeout, maxConnectionsPerSlot);
    }

    /** These settings with another time limit for a slot's answer. */
    public ProxyConfig withRequestTimeout(Duration timeout) {
        return new ProxyConfig(port, selection, seed, connectTimeout, timeout, maxConnectionsPerSlot);
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
        }
    }
}
