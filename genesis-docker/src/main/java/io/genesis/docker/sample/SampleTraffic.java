package io.genesis.docker.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real users for the demo: a few threads sending {@code GET /} through the proxy on 127.0.0.1 one after the
 * other, each answer counted by the version that gave it ({@code X-Genesis-Version}, with {@code :500} for
 * a server error, {@code none} for no answer). Stops by itself after {@code limit}.
 */
public final class SampleTraffic implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    private SampleTraffic(int port, int threads, Duration pause, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(
                    () -> {
                        while (running && System.nanoTime() < end) {
                            counts.merge(once(port), 1, Integer::sum);
                            try {
                                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    },
                    "genesis-demo-users-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** {@code threads} users, each pausing {@code pause} between requests, for at most {@code limit}. */
    public static SampleTraffic start(int port, int threads, Duration pause, Duration limit) {
        return new SampleTraffic(port, threads, pause, limit);
    }

    /** Answers so far by who gave them ({@code 2.0.0}, {@code 2.0.0:500}, {@code none}, ...). */
    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /** The version that answered one request, with {@code :5xx} for a server error; {@code none} without one. */
    public static String once(int port) {
        try {
            HttpResponse<Void> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String version = response.headers().firstValue("X-Genesis-Version").orElse("proxy");
            return response.statusCode() >= 500 ? version + ":" + response.statusCode() : version;
        } catch (IOException e) {
            return "none";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "none";
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
