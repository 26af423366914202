package io.genesis.core.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback that serves whatever exposition the test sets. */
class ScrapeSourceTest {

    private static final MetricWindow WINDOW =
            new MetricWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:30Z"));

    private HttpServer server;
    private volatile String body = "";
    private volatile String contentType = "text/plain; version=0.0.4; charset=utf-8";
    private volatile int status = 200;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/slow", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("a 1\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private ScrapeSource source(String path, Optional<String> latency) {
        return new ScrapeSource(settings(path, latency, Duration.ofSeconds(5)), HttpClient.newHttpClient());
    }

    private ScrapeSettings settings(String path, Optional<String> latency, Duration timeout) {
        return new ScrapeSettings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
                Optional.of("http_requests_total{job=\"shop\"}"),
                Optional.of("http_requests_total{job=\"shop\",code=~\"5..\"}"),
                latency,
                "seconds",
                timeout,
                1 << 20);
    }

    private static String exposition(int ok, int failed, int fast, int slow) {
        return """
                # TYPE http_requests_total counter
                http_requests_total{job="shop",code="200"} %d
                http_requests_total{job="shop",code="503"} %d
                http_requests_total{job="other",code="500"} 1000
                # TYPE latency_seconds histogram
                latency_seconds_bucket{job="shop",le="0.1"} %d
                latency_seconds_bucket{job="shop",le="0.5"} %d
                latency_seconds_bucket{job="shop",le="+Inf"} %d
                latency_seconds_count{job="shop"} %d
                latency_seconds_sum{job="shop"} 1
                """.formatted(ok, failed, fast, fast + slow, fast + slow, fast + slow);
    }

    @Test
    void shouldMeasureTheIncreaseBetweenTwoScrapes() {
        ScrapeSource source = source("/metrics", Optional.of("latency_seconds{job=\"shop\"}"));
        body = exposition(90, 10, 100, 0);
        MetricReadings first = source.sample(WINDOW);
        // Since the counters began: 10 failed of 100, every observation at most 0.1 s.
        assertThat(first.value(Metric.ERROR_RATE)).hasValue(10.0);
        assertThat(first.value(Metric.AVAILABILITY)).hasValue(90.0);
        assertThat(first.value(Metric.LATENCY_P95).orElseThrow()).isCloseTo(95.0, within(1e-9));

        body = exposition(189, 11, 100, 100);
        MetricReadings second = source.sample(WINDOW);
        // In between: 1 failed of 100; every new observation in (0.1, 0.5]: 0.1 + 0.4 * 95 / 100 s.
        assertThat(second.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(1.0, within(1e-9));
        assertThat(second.value(Metric.LATENCY_P95).orElseThrow()).isCloseTo(480.0, within(1e-9));
        assertThat(source.metrics())
                .containsExactlyInAnyOrder(Metric.ERROR_RATE, Metric.AVAILABILITY, Metric.LATENCY_P95);
    }

    @Test
    void shouldTakeACounterThatFellAsARestartFromZero() {
        ScrapeSource source = source("/metrics", Optional.of("latency_seconds{job=\"shop\"}"));
        body = exposition(900, 100, 1000, 0);
        source.sample(WINDOW);
        body = exposition(15, 5, 0, 20);

        MetricReadings afterRestart = source.sample(WINDOW);

        assertThat(afterRestart.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(25.0, within(1e-9));
        assertThat(afterRestart.value(Metric.LATENCY_P95).orElseThrow()).isCloseTo(480.0, within(1e-9));
    }

    @Test
    void shouldReportNoDataWithoutTrafficNeverHealthy() {
        ScrapeSource source = source("/metrics", Optional.of("latency_seconds{job=\"shop\"}"));
        body = exposition(90, 10, 100, 0);
        source.sample(WINDOW);

        MetricReadings idle = source.sample(WINDOW);

        assertThat(idle.values()).isEmpty();
    }

    @Test
    void shouldCountNoErrorsWhenTheErrorSeriesDoesNotExistYet() {
        ScrapeSource source = source("/metrics", Optional.empty());
        body = "http_requests_total{job=\"shop\",code=\"200\"} 40\n";

        assertThat(source.sample(WINDOW).value(Metric.ERROR_RATE)).hasValue(0.0);
        body = "http_requests_total{job=\"shop\",code=\"200\"} 50\nhttp_requests_total{job=\"shop\",code=\"500\"} 10\n";
        // The 500 series appeared since: all 10 of its requests are new.
        assertThat(source.sample(WINDOW).value(Metric.ERROR_RATE)).hasValue(50.0);
    }

    @Test
    void shouldReportNoDataWhenNoSeriesMatches() {
        ScrapeSource source = source("/metrics", Optional.of("missing_seconds"));
        body = "other_total 4\n";

        assertThat(source.sample(WINDOW).values()).isEmpty();
    }

    @Test
    void shouldReadOpenMetricsWhenTheEndpointAnswersIt() {
        ScrapeSource source = source("/metrics", Optional.empty());
        contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";
        body = "# TYPE http_requests counter\nhttp_requests_total{job=\"shop\",code=\"500\"} 1 # {trace_id=\"x\"} 1\n"
                + "http_requests_created{job=\"shop\",code=\"500\"} 1.7e9\nhttp_requests_total{job=\"shop\",code=\"200\"} 3\n# EOF\n";

        assertThat(source.sample(WINDOW).value(Metric.ERROR_RATE)).hasValue(25.0);
    }

    @Test
    void shouldFailASampleOnAnAnswerThatIsNoExposition() {
        ScrapeSource source = source("/metrics", Optional.empty());
        contentType = "text/html";
        body = "<html></html>";
        assertThatThrownBy(() -> source.sample(WINDOW)).hasMessageContaining("answered Content-Type 'text/html'");

        contentType = "text/plain";
        status = 404;
        assertThatThrownBy(() -> source.sample(WINDOW)).hasMessageContaining("answered HTTP 404");

        status = 200;
        body = "http_requests_total{job=\"shop\" 1\n";
        assertThatThrownBy(() -> source.sample(WINDOW))
                .hasMessageContaining("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics line 1");
    }

    @Test
    void shouldCutABodyThatTricklesPastTheTimeout() {
        ScrapeSource source = new ScrapeSource(
                settings("/slow", Optional.empty(), Duration.ofMillis(1500)), HttpClient.newHttpClient());

        assertThatThrownBy(() -> source.sample(WINDOW)).hasMessageContaining("did not finish answering within 1500 ms");
    }

    @Test
    void shouldRoundTripItsSpecAndReplaceTheVersion() {
        ScrapeSettings settings = new ScrapeSettings(
                URI.create("http://shop-preview:8080/metrics"),
                Optional.of("http_requests_total{version=\"$version\"}"),
                Optional.of("http_requests_total{version=\"$version\",code=~\"5..\"}"),
                Optional.of("latency_seconds"),
                "milliseconds",
                Duration.ofSeconds(3),
                4096);

        assertThat(ScrapeSettings.from(settings.spec())).isEqualTo(settings);
        assertThat(settings.forVersion("1.2.0").requests()).contains("http_requests_total{version=\"1.2.0\"}");
    }

    @Test
    void shouldRefuseSettingsThatDoNotGoTogether() {
        assertThatThrownBy(() -> ScrapeSettings.from(
                        new MetricSpec("scrape", Map.of("url", "http://x/metrics", "requests", "a"))))
                .hasMessageContaining("'requests' and 'errors' go together");
        assertThatThrownBy(() -> ScrapeSettings.from(new MetricSpec("scrape", Map.of("url", "http://x/metrics"))))
                .hasMessageContaining("scrape needs");
        assertThatThrownBy(() -> ScrapeSettings.from(
                        new MetricSpec("scrape", Map.of("url", "http://x/metrics", "latency", "a{b=c}"))))
                .hasMessageContaining("scrape setting 'latency' 'a{b=c}' is not a series selector");
        assertThatThrownBy(() -> ScrapeSettings.from(
                        new MetricSpec("scrape", Map.of("url", "http://x/metrics", "latency", "a", "path", "/"))))
                .hasMessageContaining("scrape settings [path] are not known");
        assertThatThrownBy(() -> ScrapeSettings.from(
                        new MetricSpec("scrape", Map.of("url", "http://u:p@x/metrics", "latency", "a"))))
                .hasMessageContaining("must not carry credentials");
    }
}
