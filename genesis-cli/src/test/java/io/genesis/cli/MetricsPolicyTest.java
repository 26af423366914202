package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics:} in the policy: {@code genesis deploy} measures the environment there when the
 * command line names no source, here a direct scrape of a real {@code /metrics} endpoint on loopback;
 * and a checkout's file may not name one for a protected environment.
 */
class MetricsPolicyTest {

    private static final String[] ANALYSED = {
        "--sample-interval", "100ms", "--steps", "deploy; smoke; weight 50; analyse 1s; weight 100; promote; scaleDown"
    };

    @TempDir
    Path dir;

    private HttpServer exporter;
    private final RecordingKind recording = new RecordingKind();

    @BeforeEach
    void start() throws IOException {
        exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = """
                    # TYPE http_requests_total counter
                    http_requests_total{code="200"} 50
                    http_requests_total{code="503"} 50
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
    }

    @AfterEach
    void stop() {
        exporter.stop(0);
    }

    private Path policy() throws IOException {
        return Files.writeString(
                dir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    metrics:
                      kind: scrape
                      url: http://127.0.0.1:%d/metrics
                      requests: http_requests_total
                      errors: http_requests_total{code=~"5.."}
                  - name: production
                    minPassRate: 98
                    minCoverage: 85
                    protected: true
                    requiresPassed: []
                """.formatted(exporter.getAddress().getPort()));
    }

    @Test
    void shouldAnalyseWithTheEnvironmentsSourceWhenTheCommandLineNamesNone() throws IOException {
        Run run = Run.on(
                recording.host(),
                CommandLines.deploy(
                        dir.resolve("state"),
                        "shop",
                        CommandLines.concat(
                                List.of(
                                        "--environment",
                                        "staging",
                                        "--target",
                                        "recording",
                                        "--policy",
                                        policy().toString()),
                                ANALYSED)));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("error rate 50.00 %").contains("rolled back");
    }

    @Test
    void shouldRefuseACheckoutsSourceForAProtectedEnvironment() throws IOException {
        Path checkout = Files.writeString(dir.resolve("genesis.yaml"), """
                environments:
                  - name: production
                    metrics: {kind: probe, url: "http://127.0.0.1:9/healthz"}
                """);

        Run run = Run.on(
                recording.host(),
                CommandLines.deploy(
                        dir.resolve("state"),
                        "shop",
                        "--environment",
                        "production",
                        "--target",
                        "recording",
                        "--policy",
                        policy().toString(),
                        "--config",
                        checkout.toString()));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains(checkout + ", line 3, column 5: environments[0] (production): production is protected, and a"
                        + " checkout may not name where it is measured");
    }
}
