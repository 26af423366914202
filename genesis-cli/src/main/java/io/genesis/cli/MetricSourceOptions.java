package io.genesis.cli;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.probe.HttpProbeSettings;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import io.genesis.core.target.Version;
import io.genesis.core.time.Durations;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a deploy's analysis takes its measurements, when the target has none of its own or
 * another source is wanted: a Prometheus server, or an HTTP probe of the candidate.
 */
final class MetricSourceOptions {

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Analyse with instant queries to this Prometheus, such as http://prometheus:9090;"
                    + " give the queries with --prometheus-query.")
    String prometheus;

    @Option(
            names = "--prometheus-query",
            paramLabel = "METRIC=PROMQL",
            description = "A query answering one number: errorRate, availability or testPassRate in percent,"
                    + " latencyP95 in ms; $version is the candidate's version, $window the sample's length."
                    + " Repeatable.")
    Map<String, String> prometheusQueries = new LinkedHashMap<>();

    @Option(
            names = "--probe-url",
            paramLabel = "URL",
            description = "Analyse by probing this address over HTTP at each sample (availability, error rate),"
                    + " such as the preview Service's health endpoint; for targets without metrics of their own.")
    String probeUrl;

    @Option(
            names = "--probe-requests",
            paramLabel = "N",
            description = "How many probes each sample sends at once (default 10).")
    Integer probeRequests;

    @Option(
            names = "--probe-timeout",
            paramLabel = "DURATION",
            description = "How long one probe may take before it counts as failed (default 2s).")
    String probeTimeout;

    @Option(
            names = "--probe-latency",
            description = "Analyse the probes' p95 latency too (a health endpoint's latency is a weak signal, so off"
                    + " by default).")
    boolean probeLatency;

    /**
     * The source asked for, for {@code candidate}; empty when none was.
     *
     * @throws IllegalArgumentException for settings that do not go together or do not parse, naming the option
     */
    Optional<MetricSpec> spec(Version candidate) {
        Optional<MetricSpec> probe = probe().map(HttpProbeSettings::spec);
        Optional<MetricSpec> queries =
                prometheus().map(p -> p.forVersion(candidate.value()).spec());
        if (probe.isPresent() && queries.isPresent()) {
            throw new IllegalArgumentException(
                    "--prometheus and --probe-url exclude each other: analysis takes one metric source");
        }
        return probe.or(() -> queries);
    }

    private Optional<PrometheusSettings> prometheus() {
        if (prometheus == null) {
            if (!prometheusQueries.isEmpty()) {
                throw new IllegalArgumentException("--prometheus-query needs --prometheus URL");
            }
            return Optional.empty();
        }
        Map<Metric, String> queries = new EnumMap<>(Metric.class);
        prometheusQueries.forEach((name, query) -> {
            Metric metric = PrometheusSettings.metricNamed(name)
                    .orElseThrow(() -> new IllegalArgumentException("--prometheus-query " + name
                            + "=… names no metric; known: " + String.join(", ", PrometheusSettings.queryNames())));
            queries.put(metric, query);
        });
        return Optional.of(new PrometheusSettings(
                MetricAddress.require("prometheus", prometheus, "http://prometheus:9090"),
                queries,
                PrometheusSettings.DEFAULT_TIMEOUT));
    }

    private Optional<HttpProbeSettings> probe() {
        if (probeUrl == null) {
            if (probeRequests != null || probeTimeout != null || probeLatency) {
                throw new IllegalArgumentException(
                        "--probe-requests, --probe-timeout and --probe-latency need --probe-url");
            }
            return Optional.empty();
        }
        HttpProbeSettings defaults = HttpProbeSettings.of(probeUrl);
        return Optional.of(new HttpProbeSettings(
                defaults.url(),
                probeRequests == null ? defaults.requests() : probeRequests,
                probeTimeout == null ? defaults.timeout() : Durations.parse("--probe-timeout", probeTimeout),
                probeLatency));
    }
}
