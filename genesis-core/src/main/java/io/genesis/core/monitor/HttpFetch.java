package io.genesis.core.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GET of a metric source, bounded in time from the request to the body's last byte: the client's
 * request timeout ends when the headers arrive, so a body that trickles is cut by closing it at the
 * same bound. Anything but HTTP 200 fails, and so does a failed connection, with the source's
 * description and never the exception's own text (which may quote the address).
 */
public final class HttpFetch {

    /** Reads an answer's body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(String contentType, InputStream body) throws IOException;
    }

    private HttpFetch() {}

    /**
     * Sends {@code request} and reads the 200 answer with {@code reader}.
     *
     * @param describe how messages name the source, such as {@code scrape of http://shop/metrics}
     * @param fix what to check when the answer is not 200
     * @throws IllegalStateException when there is no 200 answer within {@code timeout}
     */
    public static <T> T get(
            HttpClient client,
            HttpRequest request,
            Duration timeout,
            String describe,
            String fix,
            BodyReader<T> reader) {
        AtomicBoolean late = new AtomicBoolean();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                CompletableFuture.runAsync(
                        () -> {
                            late.set(true);
                            close(body);
                        },
                        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            describe + " answered HTTP " + response.statusCode() + "; fix: " + fix);
                }
                return reader.read(response.headers().firstValue("Content-Type").orElse(null), body);
            }
        } catch (IOException e) {
            String why = late.get()
                    ? "did not finish answering within " + timeout.toMillis() + " ms"
                    : "did not answer: " + e.getClass().getSimpleName();
            throw new IllegalStateException(describe + " " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(describe + ": interrupted", e);
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing is how a slow body is cut; the reader sees the closed stream and says so.
        }
    }
}
