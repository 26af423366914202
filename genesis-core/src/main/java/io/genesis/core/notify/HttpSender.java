package io.genesis.core.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends over the JDK's HTTP client: bounded connect and answer times, redirects never followed (a
 * redirect would take the body, and a secret in it, somewhere nobody configured).
 */
public final class HttpSender implements Sender {

    private final HttpClient client;
    private final Duration timeout;

    /** A sender that gives a receiver {@code timeout} to connect and again to answer. */
    public HttpSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public int send(Post post) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(post.uri())
                .timeout(timeout)
                .header("User-Agent", "Genesis")
                .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
        post.headers().forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }
}
