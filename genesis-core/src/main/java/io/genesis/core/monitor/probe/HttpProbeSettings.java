package io.genesis.core.monitor.probe;

import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

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
        MetricSettings settings = MetricSettings.of(spec, KIND, "probe", KNOWN);
        return new HttpProbeSettings(
                uri(settings.required("url", "http://shop-preview/healthz")),
                // Out-of-range counts reach the constructor's bounds check, which names them.
                (int) Math.max(
                        Integer.MIN_VALUE,
                        Math.min(Integer.MAX_VALUE, settings.wholeNumber("requests", DEFAULT_REQUESTS))),
                Duration.ofMillis(settings.wholeNumber("timeoutMillis", DEFAULT_TIMEOUT.toMillis())),
                settings.flag("latency"));
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
}
