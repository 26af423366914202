package io.genesis.core.monitor.web;

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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on loopback that answers JSON and records what it was sent. */
class WebSourceTest {

    private static final MetricWindow WINDOW =
            new MetricWindow(Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_030));
    private static final String TOKEN = "s3cr3t-t0ken-value";

    private HttpServer server;
    private volatile String body = "{}";
    private volatile int status = 200;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " dd="
                    + exchange.getRequestHeaders().getFirst("DD-API-KEY"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private WebSource source(Map<String, String> settings) {
        return new WebSource(
                WebSettings.from(new MetricSpec("web", settings)),
                HttpClient.newHttpClient(),
                new LocalSecrets(Map.of("GENESIS_TEST_TOKEN", TOKEN), dir));
    }

    @Test
    void shouldReadEachMetricAtItsPointerWithTheWindowInTheUrl() {
        body = """
                {"series": [{"pointlist": [[1700000030000, 0.42]]}], "latency": {"p95": "187.5"}}
                """;
        WebSource source = source(Map.of(
                "url", base() + "/api/v1/query?from=$from&to=$to&w=$window",
                "errorRate", "/series/0/pointlist/0/1",
                "latencyP95", "/latency/p95",
                "token", "env:GENESIS_TEST_TOKEN",
                "header.DD-API-KEY", "env:GENESIS_TEST_TOKEN",
                "allowInsecureHttp", "true"));

        MetricReadings readings = source.sample(WINDOW);

        assertThat(readings.value(Metric.ERROR_RATE)).hasValue(0.42);
        assertThat(readings.value(Metric.LATENCY_P95)).hasValue(187.5);
        assertThat(seen)
                .containsExactly(
                        "/api/v1/query?from=1700000000&to=1700000030&w=30 auth=Bearer " + TOKEN + " dd=" + TOKEN);
        assertThat(source.describe()).doesNotContain(TOKEN);
    }

    @Test
    void shouldTakeAMissingOrNullValueAsNoData() {
        body = "{\"results\": [{\"percentage\": null}]}";
        WebSource source = source(Map.of(
                "url", base() + "/q", "errorRate", "/results/0/percentage", "availability", "/results/1/percentage"));

        assertThat(source.sample(WINDOW).values()).isEmpty();
    }

    @Test
    void shouldFailOnAnswersThatAreNotNumbersOrNotJsonWithoutTheSecret() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        WebSource source = source(Map.of(
                "url", base() + "/q", "errorRate", "/value", "token", "file:" + token, "allowInsecureHttp", "true"));

        body = "{\"value\": {\"a\": 1}}";
        assertThatThrownBy(() -> source.sample(WINDOW))
                .hasMessageContaining("the error rate at /value is a object, not a number")
                .hasMessageNotContaining(TOKEN);
        body = "<html>" + TOKEN + "</html>";
        assertThatThrownBy(() -> source.sample(WINDOW))
                .hasMessageContaining("not JSON")
                .hasMessageNotContaining(TOKEN);
        status = 401;
        assertThatThrownBy(() -> source.sample(WINDOW))
                .hasMessageContaining("answered HTTP 401")
                .hasMessageNotContaining(TOKEN);
        assertThat(seen).allMatch(request -> request.contains("auth=Bearer " + TOKEN));
    }

    @Test
    void shouldRefuseAnAnswerOverTheBound() {
        body = "{\"value\": 1, \"padding\": \"" + "x".repeat(5000) + "\"}";
        WebSource source = source(Map.of("url", base() + "/q", "errorRate", "/value", "maxBytes", "1000"));

        assertThatThrownBy(() -> source.sample(WINDOW)).hasMessageContaining("answered more than 1000 bytes");
    }

    @Test
    void shouldSendNoTokenOverPlainHttpExceptToLoopbackWhenAllowed() {
        assertThatThrownBy(() -> WebSettings.from(new MetricSpec(
                        "web", Map.of("url", "http://127.0.0.1/q", "errorRate", "/v", "token", "env:X"))))
                .hasMessageContaining("plain http")
                .hasMessageContaining("allowInsecureHttp: true");
        assertThatThrownBy(() -> WebSettings.from(new MetricSpec(
                        "web",
                        Map.of(
                                "url",
                                "http://metrics.example.com/q",
                                "errorRate",
                                "/v",
                                "token",
                                "env:X",
                                "allowInsecureHttp",
                                "true"))))
                .hasMessageContaining("not this machine's loopback");
        assertThat(WebSettings.from(new MetricSpec(
                                "web",
                                Map.of(
                                        "url",
                                        "https://api.datadoghq.com/api/v1/query",
                                        "errorRate",
                                        "/v",
                                        "token",
                                        "env:X")))
                        .secretHeaders())
                .containsEntry("Authorization", "env:X");
    }

    @Test
    void shouldRefuseSecretsInTheUrlAndBadPointers() {
        assertThatThrownBy(() -> WebSettings.from(new MetricSpec(
                        "web", Map.of("url", "https://api.example.com/q?api_key=abc", "errorRate", "/v"))))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> WebSettings.from(
                        new MetricSpec("web", Map.of("url", "https://api.example.com/q", "errorRate", "value"))))
                .hasMessageContaining("JSON Pointer (RFC 6901)");
        assertThatThrownBy(() -> WebSettings.from(new MetricSpec(
                        "web", Map.of("url", "https://api.example.com/q", "errorRate", "/v", "header.Host", "env:X"))))
                .hasMessageContaining("web header 'Host' cannot carry a secret");
    }

    @Test
    void shouldNameAnUnresolvableSecretByItsReferenceOnly() {
        WebSource source = source(Map.of(
                "url", base() + "/q", "errorRate", "/v", "token", "env:GENESIS_MISSING", "allowInsecureHttp", "true"));

        assertThatThrownBy(() -> source.sample(WINDOW))
                .hasMessageContaining("the secret env:GENESIS_MISSING is not set");
        assertThat(seen).isEmpty();
    }

    @Test
    void shouldRoundTripItsSpecWithReferencesOnly() {
        WebSettings settings = WebSettings.from(new MetricSpec(
                "web",
                Map.of(
                        "url",
                        "https://api.example.com/q?tag=$version",
                        "errorRate",
                        "/v",
                        "token",
                        "env:T",
                        "header.X-Query-Key",
                        "file:~/nr")));

        assertThat(WebSettings.from(settings.spec())).isEqualTo(settings);
        assertThat(settings.spec().settings())
                .containsEntry("token", "env:T")
                .containsEntry("header.X-Query-Key", "file:~/nr");
        assertThat(settings.forVersion("1.2.0").url()).isEqualTo("https://api.example.com/q?tag=1.2.0");
    }

    @Test
    void shouldSendAQueryWrittenAsTheServiceDocumentsIt() {
        body = "{\"v\": 1}";
        WebSource source = source(Map.of(
                "url", base() + "/q?query=avg:errors{service:shop,version:$version} by {host}", "errorRate", "/v"));

        assertThat(source.sample(WINDOW).value(Metric.ERROR_RATE)).hasValue(1.0);
        assertThat(seen)
                .containsExactly("/q?query=avg:errors%7Bservice:shop,version:$version%7D%20by%20%7Bhost%7D"
                        + " auth=null dd=null");
    }
}
