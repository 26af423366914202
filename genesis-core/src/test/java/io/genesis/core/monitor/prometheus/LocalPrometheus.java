package io.genesis.core.monitor.prometheus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Debian's real {@code prometheus} on a loopback port, scraping one target every second, with its
 * data in a temporary folder. {@code ./build} (which {@code .ci/run} calls) installs the package; without it the tests fail with
 * the command that installs it, rather than pass without having asked a real Prometheus anything.
 */
public final class LocalPrometheus implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final URI url;
    private final Path log;

    private LocalPrometheus(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Starts Prometheus in {@code dir}, scraping {@code target} (host:port), and waits until it is ready. */
    public static LocalPrometheus start(Path dir, String target) throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/bin/prometheus"), Path.of("/usr/local/bin/prometheus")).stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Debian's prometheus is not installed: run"
                        + " 'apt-get install -y --no-install-recommends prometheus', or run ./build, which does"));
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: exporter
                    static_configs:
                      - targets: ["%s"]
                """.formatted(target));
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalPrometheus prometheus = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
        prometheus.await("ready", () -> prometheus.answers("/-/ready"));
        return prometheus;
    }

    public URI url() {
        return url;
    }

    /** Waits (real time: Prometheus scrapes on its own clock) until {@code condition} holds. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("prometheus was not " + what + " within " + START.toSeconds()
                        + " s (alive: " + process.isAlive() + "); its log: " + tail());
            }
            Thread.sleep(100);
        }
    }

    /** Whether {@code path} answers 200. */
    boolean answers(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(url.resolve(path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
