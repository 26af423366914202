package io.genesis.docker.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tiny HTTP service the Docker tests run in containers: JDK only (its image holds a jlink'ed
 * runtime and this class). It listens on 127.0.0.1:{@code $PORT}, answers {@code GET /} with its version
 * ({@code $GENESIS_VERSION}, body and {@code X-Genesis-Version}) and {@code GET /health} with 200. Faults
 * come from the image's environment: {@code FAIL_PERCENT} fails that share of {@code GET /} with 500,
 * deterministically (request n fails when floor(n·s) > floor((n−1)·s), as the sandbox's sample does);
 * {@code EXIT_CODE} makes it exit at once with that code. With the argument {@code check} it is the
 * image's HEALTHCHECK: it asks {@code /health} and exits 0 or 1.
 */
public final class SampleHttpService {

    private SampleHttpService() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        if (args.length > 0 && args[0].equals("check")) {
            System.exit(check(port));
        }
        if (env.containsKey("EXIT_CODE")) {
            System.err.println("exiting with " + env.get("EXIT_CODE") + " as EXIT_CODE says");
            System.exit(Integer.parseInt(env.get("EXIT_CODE")));
        }
        String version = env.getOrDefault("GENESIS_VERSION", "unknown");
        double share = Double.parseDouble(env.getOrDefault("FAIL_PERCENT", "0")) / 100.0;
        AtomicLong requests = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/health", exchange -> answer(exchange, 200, version, "UP"));
        server.createContext("/", exchange -> {
            long n = requests.incrementAndGet();
            boolean fail = Math.floor(n * share) > Math.floor((n - 1) * share);
            answer(exchange, fail ? 500 : 200, version, fail ? "failure " + n : version);
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("sample " + version + " listening on 127.0.0.1:" + port);
    }

    private static void answer(HttpExchange exchange, int status, String version, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Genesis-Version", version);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int check(int port) throws InterruptedException {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            return 1;
        }
    }
}
