package io.genesis.sandbox.slot;

import io.genesis.sandbox.net.Loopback;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Asks a slot's {@value #PATH} endpoint, directly and not through the proxy, whether it is healthy. */
public final class HealthProbe {

    /** Where every sandbox application answers its health. */
    public static final String PATH = "/health";

    private final HttpClient client;
    private final Duration timeout;

    /** A probe that waits at most {@code timeout} for each answer. */
    public HealthProbe(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health probe timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Probes {@code baseUri}, which must be a loopback http address, within the probe's timeout. */
    public HealthCheck check(URI baseUri) {
        return check(baseUri, timeout);
    }

    /** Probes {@code baseUri}, waiting at most {@code wait} (capped at the probe's timeout). */
    public HealthCheck check(URI baseUri, Duration wait) {
        URI target = Loopback.requireLoopbackHttp("slot address", baseUri).resolve(PATH);
        Duration bounded = wait.compareTo(timeout) < 0 && !wait.isNegative() && !wait.isZero() ? wait : timeout;
        HttpRequest request =
                HttpRequest.newBuilder(target).timeout(bounded).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return HealthCheck.answered(response.statusCode());
        } catch (HttpTimeoutException e) {
            return HealthCheck.unreachable("no answer within " + bounded.toMillis() + " ms");
        } catch (IOException e) {
            return HealthCheck.unreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.unreachable("interrupted");
        }
    }
}
