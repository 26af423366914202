package io.genesis.core.monitor.probe;

import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how an HTTP probe measures a candidate, as stored with the rollout (kind
 * {@value #KIND}). Holds no secret: a probe that needs credentials is the wrong tool; use the
 * application's metrics instead.
 *
 * @param url the http or https address probed, such as the preview Service's health endpoint
 * @param requests how many probes each sample sends, at once
 * @param timeout how long one probe may take before it counts as failed
 * @param latency whether the probes' p95 latency is analysed too; off by default, because a health
 *     endpoint's latency says little about what users see and is dominated by the prober's own
 *     start-up and load on a busy machine
 */
public record HttpProbeSettings(URI url, int requests, Duration timeout, boolean latency) {

    /** The metric source kind of a probe. */
    public static final String KIND = "httpProbe";

    public static final int DEFAULT_REQUESTS = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** A sample must not hold the scheduler for long: at most this many probes at once. */
    public static final int MAX_REQUESTS = 100;

    private static final Set<String> KNOWN = Set.of("url", "requests", "timeoutMillis", "latency");

    public HttpProbeSettings {
        MetricAddress.require("probe", url, "http://shop-preview/healthz");
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException(
                    "probe requests must be between 1 and " + MAX_REQUESTS + " per sample, got " + requests);
        }
        if (timeout == null
                || timeout.isNegative()
                || timeout.isZero()
                || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("probe timeout must be more than 0 and at most 1 min, got " + timeout);
        }
    }

    /** A probe of {@code url} with the default count and timeout. */
    public static HttpProbeSettings of(String url) {
        return new HttpProbeSettings(uri(url), DEFAULT_REQUESTS, DEFAULT_TIMEOUT, false);
    }

    /** The settings a stored spec names; unknown or malformed settings fail naming the setting. */
    public static HttpProbeSettings from(MetricSpec spec) {
        if (!KIND.equals(spec.kind())) {
            throw new IllegalArgumentException("metric source kind '" + spec.kind() + "' is not " + KIND);
        }
        Map<String, String> settings = spec.settings();
        Set<String> unknown = new TreeSet<>(settings.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "probe settings " + unknown + " are not known; known: " + new TreeSet<>(KNOWN));
        }
        String url = settings.get("url");
        if (url == null) {
            throw new IllegalArgumentException("probe setting 'url' is required, such as http://shop-preview/healthz");
        }
        return new HttpProbeSettings(
                uri(url),
                number(settings, "requests", DEFAULT_REQUESTS),
                Duration.ofMillis(number(settings, "timeoutMillis", (int) DEFAULT_TIMEOUT.toMillis())),
                flag(settings, "latency"));
    }

    /** The spec stored with a rollout. */
    public MetricSpec spec() {
        return new MetricSpec(
                KIND,
                Map.of(
                        "url", url.toString(),
                        "requests", Integer.toString(requests),
                        "timeoutMillis", Long.toString(timeout.toMillis()),
                        "latency", Boolean.toString(latency)));
    }

    private static URI uri(String text) {
        return MetricAddress.require("probe", text, "http://shop-preview/healthz");
    }

    private static boolean flag(Map<String, String> settings, String key) {
        String value = settings.getOrDefault(key, "false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(
                    "probe setting '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static int number(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "probe setting '" + key + "' must be a whole number, got '" + value + "'", e);
        }
    }
}
