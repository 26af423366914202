package io.genesis.core.monitor.scrape;

import io.genesis.core.monitor.HttpFetch;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.secret.Redaction;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Measures a candidate by scraping its {@code /metrics} endpoint directly, without a Prometheus in
 * between: each sample scrapes once and compares with the previous scrape of this source. Error rate
 * is {@code 100 × Δerrors / Δrequests}, availability its complement, p95 latency the
 * {@link BucketQuantile} of the buckets' increase. The first sample compares with counters at 0, so
 * it covers the process's life so far. No request in the window, or no matching series, is no data
 * (inconclusive), never healthy; an endpoint that does not answer, or answers something that is not
 * an exposition, fails the sample with the address and line.
 */
public final class ScrapeSource implements MetricSource {

    private final ScrapeSettings settings;
    private final HttpClient client;
    private final String shown;
    private Snapshot previous = Snapshot.EMPTY;

    public ScrapeSource(ScrapeSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.shown = Redaction.url(settings.url().toString());
    }

    @Override
    public String describe() {
        return "scrape of " + shown;
    }

    @Override
    public Set<Metric> metrics() {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        if (settings.requests().isPresent()) {
            metrics.add(Metric.ERROR_RATE);
            metrics.add(Metric.AVAILABILITY);
        }
        if (settings.latency().isPresent()) {
            metrics.add(Metric.LATENCY_P95);
        }
        return metrics;
    }

    @Override
    public synchronized MetricReadings sample(MetricWindow window) {
        Snapshot now = scrape();
        Snapshot before = previous;
        previous = now;
        return readings(window, before, now, settings);
    }

    /** What two snapshots say, in the metrics' units. */
    static MetricReadings readings(MetricWindow window, Snapshot before, Snapshot now, ScrapeSettings settings) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        if (settings.requests().isPresent() && now.hasRequests()) {
            double requests = now.requestsSince(before);
            if (requests > 0) {
                double errorRate = Math.min(100.0, 100.0 * now.errorsSince(before) / requests);
                values.put(Metric.ERROR_RATE, errorRate);
                values.put(Metric.AVAILABILITY, 100.0 - errorRate);
            }
        }
        if (settings.latency().isPresent()) {
            Optional<Map<Double, Double>> buckets = now.bucketsSince(before);
            if (buckets.isPresent()) {
                double p95 = BucketQuantile.of(0.95, buckets.get());
                if (!Double.isNaN(p95) && !Double.isInfinite(p95)) {
                    values.put(Metric.LATENCY_P95, Math.max(0, p95 * settings.millisPerUnit()));
                }
            }
        }
        return new MetricReadings(window, values);
    }

    private Snapshot scrape() {
        Snapshot snapshot = new Snapshot(
                settings.requests().map(t -> settings.requestsSelector()).orElse(null),
                settings.errors().map(t -> settings.errorsSelector()).orElse(null),
                settings.latency().map(t -> settings.latencySelector()).orElse(null),
                shown);
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Accept", ExpositionFormat.ACCEPT)
                .header("User-Agent", "genesis-scrape")
                .GET()
                .build();
        ScrapeLimits limits = ScrapeLimits.DEFAULTS.withMaxBytes(settings.maxBytes());
        HttpFetch.get(
                client,
                request,
                settings.timeout(),
                describe(),
                "point the scrape at the candidate's metrics endpoint",
                (contentType, body) -> {
                    ExpositionFormat format = ExpositionFormat.ofContentType(contentType)
                            .orElseThrow(() -> new IllegalStateException(describe() + " answered Content-Type '"
                                    + contentType + "', not the Prometheus text format or OpenMetrics; fix: point"
                                    + " the scrape at a /metrics endpoint"));
                    return ExpositionParser.parse(body, shown, format, limits, snapshot);
                });
        return snapshot;
    }
}
