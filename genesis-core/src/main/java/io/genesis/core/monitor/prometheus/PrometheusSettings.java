package io.genesis.core.monitor.prometheus;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Prometheus to ask and what, as stored with the rollout (kind {@value #KIND}). Each metric
 * is one PromQL query that answers a single number in the metric's unit: percent for error rate,
 * availability and post-deploy test pass rate, milliseconds for p95 latency. {@code $window} in a query becomes the sample's
 * length (such as {@code 30s}) when it runs; {@code $version} is replaced with the candidate's
 * version before the rollout is stored, by {@link #forVersion}.
 *
 * @param url the Prometheus server, such as {@code http://prometheus:9090}
 * @param queries a query per metric; at least one
 * @param timeout how long one query may take
 */
public record PrometheusSettings(URI url, Map<Metric, String> queries, Duration timeout) {

    /** The metric source kind of Prometheus. */
    public static final String KIND = "prometheus";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Map<String, Metric> QUERY_KEYS = Map.of(
            "errorRate", Metric.ERROR_RATE,
            "latencyP95", Metric.LATENCY_P95,
            "availability", Metric.AVAILABILITY,
            "testPassRate", Metric.TEST_PASS_RATE);

    public PrometheusSettings {
        MetricAddress.require("prometheus", url, "http://prometheus:9090");
        if (queries == null || queries.isEmpty()) {
            throw new IllegalArgumentException(
                    "prometheus needs at least one query: " + String.join(", ", new TreeSet<>(QUERY_KEYS.keySet())));
        }
        queries.forEach((metric, query) -> {
            if (query == null || query.isBlank()) {
                throw new IllegalArgumentException("prometheus query for " + metric.label() + " is empty");
            }
        });
        queries = Map.copyOf(new EnumMap<>(queries));
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("prometheus timeout must be more than 0, got " + timeout);
        }
    }

    /** The settings a stored spec names; unknown or malformed settings fail naming the setting. */
    public static PrometheusSettings from(MetricSpec spec) {
        Set<String> known = new TreeSet<>(QUERY_KEYS.keySet());
        known.add("url");
        known.add("timeoutMillis");
        MetricSettings settings = MetricSettings.of(spec, KIND, "prometheus", known);
        String url = settings.required("url", "http://prometheus:9090");
        Map<Metric, String> queries = new EnumMap<>(Metric.class);
        QUERY_KEYS.forEach((key, metric) -> {
            if (settings.has(key)) {
                queries.put(metric, settings.get(key));
            }
        });
        return new PrometheusSettings(
                uri(url),
                queries,
                Duration.ofMillis(settings.wholeNumber("timeoutMillis", DEFAULT_TIMEOUT.toMillis())));
    }

    /** The metric a query is named for on the command line or in settings, such as {@code errorRate}. */
    public static Optional<Metric> metricNamed(String name) {
        return Optional.ofNullable(QUERY_KEYS.get(name));
    }

    /** The names queries are given by, sorted. */
    public static Set<String> queryNames() {
        return new TreeSet<>(QUERY_KEYS.keySet());
    }

    /** The spec stored with a rollout. */
    public MetricSpec spec() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("url", url.toString());
        settings.put("timeoutMillis", Long.toString(timeout.toMillis()));
        QUERY_KEYS.forEach((key, metric) -> {
            if (queries.containsKey(metric)) {
                settings.put(key, queries.get(metric));
            }
        });
        return new MetricSpec(KIND, settings);
    }

    /** These settings with {@code $version} in every query replaced by {@code version}. */
    public PrometheusSettings forVersion(String version) {
        Map<Metric, String> replaced = new EnumMap<>(Metric.class);
        queries.forEach((metric, query) -> replaced.put(metric, query.replace("$version", version)));
        return new PrometheusSettings(url, replaced, timeout);
    }

    private static URI uri(String text) {
        return MetricAddress.require("prometheus", text, "http://prometheus:9090");
    }
}
