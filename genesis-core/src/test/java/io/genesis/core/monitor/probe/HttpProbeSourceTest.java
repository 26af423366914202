package io.genesis.core.monitor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeSourceTest {

    private static final MetricWindow WINDOW = new MetricWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(30));

    private final AtomicInteger served = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private HttpServer server;

    /** A server on loopback whose {@code n}-th answer (from 0) is {@code status.apply(n)}; -1 never answers. */
    private URI serve(java.util.function.IntUnaryOperator status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/healthz", exchange -> {
            int code = status.applyAsInt(served.getAndIncrement());
            if (code < 0) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(Math.max(code, 200), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/healthz");
    }

    @AfterEach
    void stop() {
        never.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldMeasureAHealthyCandidateAsFullyAvailable() throws IOException {
        URI url = serve(n -> 200);

        HttpProbeSource source = new HttpProbeSource(new HttpProbeSettings(url, 10, Duration.ofSeconds(5), true));
        MetricReadings readings = source.sample(WINDOW);

        assertThat(readings.values())
                .containsEntry(Metric.AVAILABILITY, 100.0)
                .containsEntry(Metric.ERROR_RATE, 0.0)
                .containsKey(Metric.LATENCY_P95);
        assertThat(source.metrics()).contains(Metric.LATENCY_P95);
        assertThat(served).hasValue(10);
    }

    @Test
    void shouldLeaveLatencyOutUnlessAskedFor() throws IOException {
        URI url = serve(n -> 200);

        HttpProbeSource source = new HttpProbeSource(HttpProbeSettings.of(url.toString()));
        MetricReadings readings = source.sample(WINDOW);

        assertThat(readings.values()).containsOnlyKeys(Metric.AVAILABILITY, Metric.ERROR_RATE);
        assertThat(source.metrics()).containsExactlyInAnyOrder(Metric.AVAILABILITY, Metric.ERROR_RATE);
    }

    @Test
    void shouldCountServerErrorsAndClientErrorsAsFailedProbesButRedirectsAsUp() throws IOException {
        URI url = serve(n -> switch (n % 10) {
            case 0, 1 -> 503;
            case 2 -> 404;
            case 3 -> 302;
            default -> 200;
        });

        MetricReadings readings =
                new HttpProbeSource(new HttpProbeSettings(url, 10, Duration.ofSeconds(5), false)).sample(WINDOW);

        assertThat(readings.value(Metric.AVAILABILITY)).hasValue(70.0);
        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(30.0);
    }

    @Test
    void shouldMeasureACandidateThatRefusesConnectionsAsUnavailableWithoutLatency() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        MetricReadings readings =
                new HttpProbeSource(HttpProbeSettings.of("http://127.0.0.1:" + closed + "/healthz")).sample(WINDOW);

        assertThat(readings.value(Metric.AVAILABILITY)).hasValue(0.0);
        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(100.0);
        assertThat(readings.value(Metric.LATENCY_P95))
                .as("no answer, no latency")
                .isEmpty();
    }

    @Test
    void shouldCountAProbeThatTimesOutAsFailed() throws IOException {
        URI url = serve(n -> n % 2 == 0 ? -1 : 200);

        MetricReadings readings =
                new HttpProbeSource(new HttpProbeSettings(url, 4, Duration.ofMillis(300), false)).sample(WINDOW);

        assertThat(readings.value(Metric.AVAILABILITY)).hasValue(50.0);
    }

    @Test
    void shouldTakeTheNearestRankP95OfAnsweredProbes() {
        List<HttpProbeSource.Probe> probes = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            probes.add(new HttpProbeSource.Probe(true, true, i * 10.0));
        }
        probes.add(new HttpProbeSource.Probe(false, false, 5_000.0));

        MetricReadings readings = HttpProbeSource.readings(WINDOW, probes, true);

        // 20 answers: rank ceil(0.95 x 20) = 19, so 190 ms; the unanswered probe has no latency.
        assertThat(readings.value(Metric.LATENCY_P95)).hasValue(190.0);
        assertThat(readings.value(Metric.AVAILABILITY).getAsDouble()).isEqualTo(2000.0 / 21);
    }

    @Test
    void shouldStoreItsSettingsAndReadThemBack() {
        HttpProbeSettings settings = new HttpProbeSettings(
                URI.create("https://shop-preview.prod/healthz"), 20, Duration.ofMillis(1500), true);

        MetricSpec spec = settings.spec();

        assertThat(spec.kind()).isEqualTo("httpProbe");
        assertThat(HttpProbeSettings.from(spec)).isEqualTo(settings);
        assertThat(HttpProbeSettings.from(new MetricSpec("httpProbe", Map.of("url", "http://a/healthz"))))
                .isEqualTo(HttpProbeSettings.of("http://a/healthz"));
    }

    @Test
    void shouldRefuseSettingsNamingWhatIsWrong() {
        assertThatThrownBy(() -> HttpProbeSettings.of("ftp://shop/healthz"))
                .hasMessageStartingWith("probe url must be an http or https address with a host");
        assertThatThrownBy(() -> HttpProbeSettings.of("http://user:secret@shop/healthz"))
                .hasMessageStartingWith("probe url must not carry credentials (user:password@")
                .message()
                .doesNotContain("secret");
        assertThatThrownBy(() -> HttpProbeSettings.of("ftp://user:secret@shop/healthz"))
                .message()
                .doesNotContain("secret");
        assertThatThrownBy(() -> new HttpProbeSettings(URI.create("http://shop/"), 0, Duration.ofSeconds(1), false))
                .hasMessage("probe requests must be between 1 and 100 per sample, got 0");
        assertThatThrownBy(() -> HttpProbeSettings.from(
                        new MetricSpec("httpProbe", Map.of("url", "http://shop/", "retries", "3"))))
                .hasMessage("probe settings [retries] are not known; known: [latency, requests, timeoutMillis, url]");
        assertThatThrownBy(() -> HttpProbeSettings.from(
                        new MetricSpec("httpProbe", Map.of("url", "http://shop/", "latency", "yes"))))
                .hasMessage("probe setting 'latency' must be true or false, got 'yes'");
        assertThatThrownBy(() -> HttpProbeSettings.from(
                        new MetricSpec("httpProbe", Map.of("url", "http://shop/", "requests", "ten"))))
                .hasMessage("probe setting 'requests' must be a whole number, got 'ten'");
        assertThatThrownBy(() -> HttpProbeSettings.from(new MetricSpec("httpProbe", Map.of())))
                .hasMessageStartingWith("probe setting 'url' is required");
    }
}
