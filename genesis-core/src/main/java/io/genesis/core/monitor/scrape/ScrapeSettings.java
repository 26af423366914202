package io.genesis.core.monitor.scrape;

import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which {@code /metrics} endpoint a scrape reads and which series make which metric, as stored with
 * the rollout (kind {@value #KIND}). Error rate and availability come from two counters,
 * {@code requests} (every request) and {@code errors} (the failed ones), as their increase between two
 * scrapes; p95 latency from a histogram ({@code latency}, its name without {@code _bucket}) by the
 * increase of each bucket. {@code $version} in a selector is replaced with the candidate's version
 * by {@link #forVersion}. Holds no secret: a {@code /metrics} endpoint that needs one is reached
 * through Prometheus instead.
 *
 * @param url the endpoint, such as {@code http://shop-preview:8080/metrics}
 * @param requests the request counter's series, or empty
 * @param errors the failed requests' series, or empty; set together with {@code requests}
 * @param latency the latency histogram's series, or empty
 * @param latencyUnit the histogram's unit, {@code seconds} (the Prometheus convention) or
 *     {@code milliseconds}
 * @param timeout how long one scrape may take, body included
 * @param maxBytes the largest body read
 */
public record ScrapeSettings(
        URI url,
        Optional<String> requests,
        Optional<String> errors,
        Optional<String> latency,
        String latencyUnit,
        Duration timeout,
        long maxBytes) {

    /** The metric source kind of a direct scrape. */
    public static final String KIND = "scrape";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final String EXAMPLE = "http://shop-preview:8080/metrics";
    private static final Set<String> KNOWN =
            Set.of("url", "requests", "errors", "latency", "latencyUnit", "timeoutMillis", "maxBytes");

    public ScrapeSettings {
        MetricAddress.require("scrape", url, EXAMPLE);
        if (requests.isPresent() != errors.isPresent()) {
            throw new IllegalArgumentException("scrape settings 'requests' and 'errors' go together: error rate is"
                    + " errors / requests, such as requests: http_requests_total, errors:"
                    + " http_requests_total{code=~\"5..\"}");
        }
        if (requests.isEmpty() && latency.isEmpty()) {
            throw new IllegalArgumentException("scrape needs 'requests' and 'errors' (error rate, availability) or"
                    + " 'latency' (p95 latency from a histogram), or all three");
        }
        requests.ifPresent(text -> SeriesSelector.parse("scrape setting 'requests'", text));
        errors.ifPresent(text -> SeriesSelector.parse("scrape setting 'errors'", text));
        latency.ifPresent(text -> SeriesSelector.parse("scrape setting 'latency'", text));
        latencyUnit = latencyUnit == null ? "seconds" : latencyUnit.trim().toLowerCase(Locale.ROOT);
        if (!latencyUnit.equals("seconds") && !latencyUnit.equals("milliseconds")) {
            throw new IllegalArgumentException(
                    "scrape setting 'latencyUnit' must be seconds or milliseconds, got '" + latencyUnit + "'");
        }
        if (timeout == null
                || timeout.isNegative()
                || timeout.isZero()
                || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("scrape timeout must be more than 0 and at most 1 min, got " + timeout);
        }
        if (maxBytes < 1024 || maxBytes > ScrapeLimits.DEFAULTS.maxBytes()) {
            throw new IllegalArgumentException("scrape setting 'maxBytes' must be between 1024 and "
                    + ScrapeLimits.DEFAULTS.maxBytes() + ", got " + maxBytes);
        }
    }

    /** The settings a stored spec names; unknown or malformed settings fail naming the setting. */
    public static ScrapeSettings from(MetricSpec spec) {
        MetricSettings settings = MetricSettings.of(spec, KIND, "scrape", KNOWN);
        return new ScrapeSettings(
                MetricAddress.require("scrape", settings.required("url", EXAMPLE), EXAMPLE),
                Optional.ofNullable(settings.get("requests")),
                Optional.ofNullable(settings.get("errors")),
                Optional.ofNullable(settings.get("latency")),
                settings.get("latencyUnit"),
                Duration.ofMillis(settings.wholeNumber("timeoutMillis", DEFAULT_TIMEOUT.toMillis())),
                settings.wholeNumber("maxBytes", ScrapeLimits.DEFAULTS.maxBytes()));
    }

    /** The spec stored with a rollout. */
    public MetricSpec spec() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("url", url.toString());
        requests.ifPresent(value -> settings.put("requests", value));
        errors.ifPresent(value -> settings.put("errors", value));
        latency.ifPresent(value -> settings.put("latency", value));
        settings.put("latencyUnit", latencyUnit);
        settings.put("timeoutMillis", Long.toString(timeout.toMillis()));
        settings.put("maxBytes", Long.toString(maxBytes));
        return new MetricSpec(KIND, settings);
    }

    /** The selectors with {@code $version} replaced by {@code version}. */
    public ScrapeSettings forVersion(String version) {
        return new ScrapeSettings(
                url,
                requests.map(text -> text.replace("$version", version)),
                errors.map(text -> text.replace("$version", version)),
                latency.map(text -> text.replace("$version", version)),
                latencyUnit,
                timeout,
                maxBytes);
    }

    SeriesSelector requestsSelector() {
        return SeriesSelector.parse("scrape setting 'requests'", requests.orElseThrow());
    }

    SeriesSelector errorsSelector() {
        return SeriesSelector.parse("scrape setting 'errors'", errors.orElseThrow());
    }

    SeriesSelector latencySelector() {
        return SeriesSelector.parse("scrape setting 'latency'", latency.orElseThrow());
    }

    /** Milliseconds per unit of the histogram's bounds. */
    double millisPerUnit() {
        return latencyUnit.equals("seconds") ? 1000.0 : 1.0;
    }
}
