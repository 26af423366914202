package io.genesis.core.monitor.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against Debian's real Prometheus, scraping a small exporter on loopback. */
class PrometheusSourceTest {

    private static final String EXPORTED = """
            # TYPE genesis_test_requests gauge
            genesis_test_requests{version="1.1.0"} 200
            genesis_test_requests{version="1.0.0"} 800
            # TYPE genesis_test_errors gauge
            genesis_test_errors{version="1.1.0"} 3
            genesis_test_errors{version="1.0.0"} 0
            # TYPE genesis_test_latency_p95_seconds gauge
            genesis_test_latency_p95_seconds{version="1.1.0"} 0.12
            """;

    private static final Map<Metric, String> QUERIES = Map.of(
            Metric.ERROR_RATE,
            "100 * sum(genesis_test_errors{version=\"$version\"}) / sum(genesis_test_requests{version=\"$version\"})",
            Metric.LATENCY_P95,
            "1000 * max(max_over_time(genesis_test_latency_p95_seconds{version=\"$version\"}[$window]))",
            Metric.AVAILABILITY,
            "100 - 100 * sum(genesis_test_errors{version=\"$version\"})"
                    + " / sum(genesis_test_requests{version=\"$version\"})");

    @TempDir
    static Path dir;

    private static HttpServer exporter;
    private static LocalPrometheus prometheus;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = EXPORTED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
        prometheus =
                LocalPrometheus.start(dir, "127.0.0.1:" + exporter.getAddress().getPort());
        PrometheusSource probe = source(Map.of(Metric.ERROR_RATE, "sum(genesis_test_requests)"));
        prometheus.await(
                "scraping the exporter",
                () -> probe.sample(window()).value(Metric.ERROR_RATE).isPresent());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exporter != null) {
            exporter.stop(0);
        }
    }

    private static MetricWindow window() {
        Instant now = Instant.now();
        return new MetricWindow(now.minusSeconds(30), now);
    }

    private static PrometheusSource source(Map<Metric, String> queries) {
        return new PrometheusSource(new PrometheusSettings(prometheus.url(), queries, Duration.ofSeconds(5)), CLIENT);
    }

    @Test
    void shouldMeasureTheCandidatesVersionWithTheQueriesGiven() {
        PrometheusSettings settings =
                new PrometheusSettings(prometheus.url(), QUERIES, Duration.ofSeconds(5)).forVersion("1.1.0");
        PrometheusSource source = new PrometheusSource(settings, CLIENT);

        MetricReadings readings = source.sample(window());

        assertThat(source.metrics())
                .containsExactlyInAnyOrder(Metric.ERROR_RATE, Metric.LATENCY_P95, Metric.AVAILABILITY);
        assertThat(readings.value(Metric.ERROR_RATE).getAsDouble())
                .isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(readings.value(Metric.AVAILABILITY).getAsDouble())
                .isCloseTo(98.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(readings.value(Metric.LATENCY_P95).getAsDouble())
                .isCloseTo(120.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldTreatAVersionWithoutSeriesAndAZeroByZeroAsNoData() {
        MetricReadings unknown = new PrometheusSource(
                        new PrometheusSettings(prometheus.url(), QUERIES, Duration.ofSeconds(5)).forVersion("9.9.9"),
                        CLIENT)
                .sample(window());
        MetricReadings nan =
                source(Map.of(Metric.ERROR_RATE, "vector(0) / vector(0)")).sample(window());

        assertThat(unknown.values()).isEmpty();
        assertThat(nan.values()).isEmpty();
    }

    @Test
    void shouldFailASampleWhoseQueryAnswersSeveralSeriesAndSayHowToFixIt() {
        assertThatThrownBy(() -> source(Map.of(Metric.ERROR_RATE, "genesis_test_requests"))
                        .sample(window()))
                .hasMessage("the error rate query 'genesis_test_requests' answers 2 series; it must answer one number:"
                        + " aggregate it, such as sum(...)");
        assertThatThrownBy(() -> source(Map.of(Metric.ERROR_RATE, "genesis_test_requests[1m]"))
                        .sample(window()))
                .hasMessageContaining("answers a matrix; it must answer one number");
    }

    @Test
    void shouldPassPrometheusOwnRefusalOn() {
        assertThatThrownBy(() -> source(Map.of(Metric.AVAILABILITY, "sum(")).sample(window()))
                .hasMessageStartingWith("prometheus refused the availability query 'sum(': bad_data: ");
    }

    @Test
    void shouldSayWhenPrometheusDoesNotAnswer() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        PrometheusSource away = new PrometheusSource(
                new PrometheusSettings(
                        URI.create("http://127.0.0.1:" + closed),
                        Map.of(Metric.ERROR_RATE, "up"),
                        Duration.ofSeconds(2)),
                CLIENT);

        assertThatThrownBy(() -> away.sample(window()))
                .hasMessageStartingWith(
                        "prometheus http://127.0.0.1:" + closed + " did not answer the error rate query");
    }

    @Test
    void shouldStoreItsSettingsAndReadThemBack() {
        PrometheusSettings settings = new PrometheusSettings(prometheus.url(), QUERIES, Duration.ofSeconds(5));

        MetricSpec spec = settings.spec();

        assertThat(spec.kind()).isEqualTo("prometheus");
        assertThat(spec.settings()).containsKeys("url", "errorRate", "latencyP95", "availability", "timeoutMillis");
        assertThat(PrometheusSettings.from(spec)).isEqualTo(settings);
    }

    @Test
    void shouldRefuseSettingsNamingWhatIsWrong() {
        assertThatThrownBy(() -> PrometheusSettings.from(new MetricSpec("prometheus", Map.of("url", "http://p:9090"))))
                .hasMessage("prometheus needs at least one query: availability, errorRate, latencyP95, testPassRate");
        assertThatThrownBy(() -> PrometheusSettings.from(
                        new MetricSpec("prometheus", Map.of("url", "http://p:9090", "errorrate", "up"))))
                .hasMessage("prometheus settings [errorrate] are not known; known: [availability, errorRate,"
                        + " latencyP95, testPassRate, timeoutMillis, url]");
        assertThatThrownBy(() -> PrometheusSettings.from(
                        new MetricSpec("prometheus", Map.of("url", "http://ops:s3cret@p:9090", "errorRate", "up"))))
                .message()
                .doesNotContain("s3cret")
                .startsWith("prometheus url must not carry credentials");
    }

    @Test
    void shouldTurnTheWindowIntoAPromQlRange() {
        Instant now = Instant.parse("2026-11-27T20:00:00Z");

        assertThat(PrometheusSource.range(new MetricWindow(now.minusSeconds(30), now)))
                .isEqualTo("30s");
        assertThat(PrometheusSource.range(new MetricWindow(now.minusMillis(200), now)))
                .isEqualTo("1s");
    }
}
