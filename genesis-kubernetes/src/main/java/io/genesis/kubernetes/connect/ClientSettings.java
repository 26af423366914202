package io.genesis.kubernetes.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently Genesis talks to the API server. Retries are few on purpose: mid-rollout, an API
 * that fails should stop Genesis changing things quickly, so the engine can report and roll back
 * when the API returns.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param retries how often fabric8 retries a request that failed with a 5xx or no answer
 * @param retryInterval the first wait between retries (fabric8 doubles it each time)
 * @param insecureHttpAllowed whether a credential may be sent over plain {@code http}: only ever to a
 *     loopback address (a development cluster on this machine), and only when asked for explicitly
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        int retries,
        Duration retryInterval,
        boolean insecureHttpAllowed) {

    /** 10 s to connect, 30 s to answer, 2 retries starting 500 ms apart. */
    public static final ClientSettings DEFAULT =
            new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 2, Duration.ofMillis(500), false);

    /** Settings that never send a credential over plain http. */
    public ClientSettings(Duration connectTimeout, Duration requestTimeout, int retries, Duration retryInterval) {
        this(connectTimeout, requestTimeout, retries, retryInterval, false);
    }

    public ClientSettings {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be between 0 and 10, got " + retries);
        }
        requirePositive("retryInterval", retryInterval);
    }

    /** These settings, allowing plain http to a loopback API server or not. */
    public ClientSettings withInsecureHttpAllowed(boolean allowed) {
        return new ClientSettings(connectTimeout, requestTimeout, retries, retryInterval, allowed);
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
