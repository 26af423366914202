package io.genesis.core.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.prometheus.LocalPrometheus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real expositions: Prometheus' own {@code /metrics} (Debian's prometheus, written by the Go client)
 * and Prometheus' Java client ({@code io.prometheus:prometheus-metrics-*}) served by its own HTTP
 * server, each in the text format and in OpenMetrics; and the p95 compared with what the real
 * Prometheus' {@code histogram_quantile} answers for the same buckets.
 */
class ScrapeRealExpositionTest {

    private static final MetricWindow WINDOW = new MetricWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(30));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static PrometheusRegistry registry;
    private static Counter requests;
    private static Histogram latency;
    private static HTTPServer javaClient;
    private static LocalPrometheus prometheus;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        registry = new PrometheusRegistry();
        requests = Counter.builder()
                .name("genesis_shop_requests_total")
                .help("requests served")
                .labelNames("code")
                .register(registry);
        latency = Histogram.builder()
                .name("genesis_shop_latency_seconds")
                .help("time to answer")
                .classicOnly()
                .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1)
                .register(registry);
        requests.labelValues("200").inc(970);
        requests.labelValues("503").inc(30);
        for (int i = 0; i < 1000; i++) {
            latency.observe(i < 900 ? 0.03 : i < 980 ? 0.2 : 0.7);
        }
        javaClient = HTTPServer.builder()
                .hostname("127.0.0.1")
                .port(0)
                .registry(registry)
                .buildAndStart();
        prometheus = LocalPrometheus.start(dir, "127.0.0.1:" + javaClient.getPort());
        prometheus.await(
                "scraping the Java client",
                () -> query("sum(genesis_shop_requests_total)").isPresent());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (javaClient != null) {
            javaClient.close();
        }
    }

    private static URI javaClientMetrics() {
        return URI.create("http://127.0.0.1:" + javaClient.getPort() + "/metrics");
    }

    @Test
    void shouldMeasureTheJavaClientsCountersAndHistogram() {
        ScrapeSource source = new ScrapeSource(
                settings(javaClientMetrics(), "genesis_shop_requests_total", "genesis_shop_latency_seconds"), CLIENT);

        MetricReadings first = source.sample(WINDOW);
        assertThat(first.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(3.0, within(1e-9));

        requests.labelValues("200").inc(80);
        requests.labelValues("503").inc(20);
        MetricReadings second = source.sample(WINDOW);
        assertThat(second.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(20.0, within(1e-9));
        assertThat(second.value(Metric.AVAILABILITY).orElseThrow()).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void shouldAgreeWithPrometheusHistogramQuantileOnTheSameBuckets() throws InterruptedException {
        ScrapeSource source = new ScrapeSource(
                settings(javaClientMetrics(), "genesis_shop_requests_total", "genesis_shop_latency_seconds"), CLIENT);
        prometheus.await(
                "holding the histogram",
                () -> query("sum(genesis_shop_latency_seconds_count)").isPresent());

        double ours = source.sample(WINDOW).value(Metric.LATENCY_P95).orElseThrow();
        double promql = query("histogram_quantile(0.95, sum by (le) (genesis_shop_latency_seconds_bucket))")
                .orElseThrow();

        // rank 950 of 1000 lies in (0.1, 0.25], 50 of its 80 observations in.
        assertThat(ours).isCloseTo(1000 * (0.1 + 0.15 * 50 / 80), within(1e-6));
        assertThat(ours).isCloseTo(1000 * promql, within(1e-6));
    }

    @Test
    void shouldParseTheJavaClientInBothFormats() throws IOException, InterruptedException {
        Parsed text = fetch(javaClientMetrics(), "text/plain;version=0.0.4");
        Parsed openMetrics = fetch(javaClientMetrics(), ExpositionFormat.ACCEPT);

        assertThat(text.format()).isEqualTo(ExpositionFormat.TEXT);
        assertThat(openMetrics.format()).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(text.values()).containsEntry("genesis_shop_latency_seconds_bucket{le=+Inf}", 1000.0);
        assertThat(openMetrics.values()).containsEntry("genesis_shop_latency_seconds_bucket{le=+Inf}", 1000.0);
        assertThat(openMetrics.values()).containsEntry("genesis_shop_requests_total{code=503}", 30.0);
    }

    @Test
    void shouldParsePrometheusOwnMetricsWhichAnswersTextEvenWhenAskedForOpenMetrics()
            throws IOException, InterruptedException {
        URI own = prometheus.url().resolve("/metrics");
        Parsed text = fetch(own, "text/plain;version=0.0.4");
        Parsed openMetrics = fetch(own, ExpositionFormat.ACCEPT);

        assertThat(text.format()).isEqualTo(ExpositionFormat.TEXT);
        // Debian's prometheus 2.42 does not offer OpenMetrics on its own /metrics: the negotiation falls back.
        assertThat(openMetrics.format()).isEqualTo(ExpositionFormat.TEXT);
        assertThat(text.count()).isGreaterThan(200);
        assertThat(openMetrics.count()).isGreaterThan(200);
        assertThat(text.values().keySet()).anyMatch(key -> key.startsWith("prometheus_http_requests_total{"));
        assertThat(openMetrics.values().keySet())
                .anyMatch(key -> key.startsWith("prometheus_http_request_duration_seconds_bucket{"));
    }

    @Test
    void shouldMeasurePrometheusItselfFromItsOwnMetrics() throws IOException, InterruptedException {
        ScrapeSource source = new ScrapeSource(
                settings(
                        prometheus.url().resolve("/metrics"),
                        "prometheus_http_requests_total",
                        "prometheus_http_request_duration_seconds"),
                CLIENT);
        // Since it started: its readiness check answered 503 until it was ready, so some failed.
        assertThat(source.sample(WINDOW).value(Metric.ERROR_RATE).orElseThrow()).isBetween(0.0, 100.0);
        for (int i = 0; i < 20; i++) {
            assertThat(CLIENT.send(
                                    HttpRequest.newBuilder(prometheus.url().resolve("/api/v1/status/buildinfo"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
        }

        MetricReadings since = source.sample(WINDOW);

        assertThat(since.value(Metric.ERROR_RATE)).hasValue(0.0);
        assertThat(since.value(Metric.AVAILABILITY)).hasValue(100.0);
        assertThat(since.value(Metric.LATENCY_P95).orElseThrow()).isPositive();
    }

    private static ScrapeSettings settings(URI url, String requests, String latency) {
        return new ScrapeSettings(
                url,
                Optional.of(requests),
                Optional.of(requests + "{code=~\"5..\"}"),
                Optional.of(latency),
                "seconds",
                Duration.ofSeconds(10),
                ScrapeLimits.DEFAULTS.maxBytes());
    }

    /** Every sample by name and labels, and the format the endpoint chose. */
    record Parsed(ExpositionFormat format, int count, Map<String, Double> values) {}

    private static Parsed fetch(URI url, String accept) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = CLIENT.send(
                HttpRequest.newBuilder(url).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        ExpositionFormat format = ExpositionFormat.ofContentType(
                        response.headers().firstValue("Content-Type").orElse(null))
                .orElseThrow();
        Map<String, Double> values = new HashMap<>();
        int count;
        try (InputStream body = response.body()) {
            count = ExpositionParser.parse(
                    body, url.toString(), format, ScrapeLimits.DEFAULTS, (name, labels, value) -> {
                        StringBuilder key = new StringBuilder(name).append('{');
                        labels.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .forEach(label -> key.append(label.getKey())
                                        .append('=')
                                        .append(label.getValue())
                                        .append(','));
                        if (key.charAt(key.length() - 1) == ',') {
                            key.setLength(key.length() - 1);
                        }
                        values.put(key.append('}').toString(), value);
                    });
        }
        return new Parsed(format, count, values);
    }

    /** The number an instant query to the real Prometheus answers, if any. */
    private static Optional<Double> query(String promql) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(prometheus
                                    .url()
                                    .resolve(
                                            "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode result =
                    new ObjectMapper().readTree(response.body()).path("data").path("result");
            return result.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Double.parseDouble(
                            result.path(0).path("value").path(1).asText()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
