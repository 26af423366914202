package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts and records the requests the test's client sends, as they leave (the mock server's own
 * count is updated after it answers, so it can lag one request behind). Tests run one at a time,
 * so one log serves them all; {@link #clear} at the start of a measurement.
 */
public final class RequestLog implements Interceptor {

    private static final List<String> REQUESTS = new ArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        synchronized (REQUESTS) {
            REQUESTS.add(request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null
                            ? ""
                            : "?" + request.uri().getRawQuery()));
        }
    }

    public static void clear() {
        synchronized (REQUESTS) {
            REQUESTS.clear();
        }
    }

    public static int count() {
        synchronized (REQUESTS) {
            return REQUESTS.size();
        }
    }

    /** The requests since the last {@link #clear}, such as {@code PATCH /api/v1/namespaces/test/services/shop}. */
    public static List<String> requests() {
        synchronized (REQUESTS) {
            return List.copyOf(REQUESTS);
        }
    }
}
