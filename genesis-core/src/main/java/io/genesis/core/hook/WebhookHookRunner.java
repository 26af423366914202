package io.genesis.core.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Posts a hook's JSON body to its webhook, as Flagger's webhooks do: a 2xx answer passes, anything
 * else (another status, no answer within the timeout, a refused connection) is an attempt failed,
 * tried again while retries are left. Redirects are not followed. The address is only ever shown
 * through {@link io.genesis.core.secret.Redaction}.
 *
 * <p>The body: {@code {"phase", "rollout", "application", "environment", "version", "commit",
 * "url", "attempt"}}; {@code url} is the candidate's preview address, or empty where there is none.
 */
final class WebhookHookRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    WebhookHookRunner(HttpClient client) {
        this.client = client;
    }

    HookRun start(Hook hook, HookContext context) {
        return new Posting(hook, context);
    }

    /** The JSON body posted for {@code context} at {@code attempt} (from 1). */
    static String body(HookContext context, int attempt) {
        Map<String, Object> body = new LinkedHashMap<>(context.values());
        body.remove("phase");
        body.remove("rollout");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("phase", context.phase().key());
        ordered.put("rollout", context.rolloutId());
        ordered.putAll(body);
        ordered.put("attempt", attempt);
        try {
            return JSON.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook body", e);
        }
    }

    /** One webhook with its attempts; each failed attempt sends the next from the HTTP client's thread. */
    private final class Posting implements HookRun {
        private final Hook hook;
        private final HookContext context;
        private final CompletableFuture<HookReport> ended = new CompletableFuture<>();
        private int attempt;
        private CompletableFuture<HttpResponse<String>> current;

        Posting(Hook hook, HookContext context) {
            this.hook = hook;
            this.context = context;
            send();
        }

        private synchronized void send() {
            if (ended.isDone()) {
                return;
            }
            attempt++;
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.webhook()))
                    .timeout(hook.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(context, attempt)))
                    .build();
            current = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            current.whenComplete(this::answered);
        }

        private void answered(HttpResponse<String> response, Throwable error) {
            String output = response == null ? "" : OutputTail.of(response.body(), false);
            if (error == null && response.statusCode() / 100 == 2) {
                ended.complete(new HookReport(true, response.statusCode(), status(response), output));
                return;
            }
            int made;
            synchronized (this) {
                made = attempt;
            }
            if (made <= hook.retries()) {
                send();
                return;
            }
            String failure = response != null ? status(response) : "no answer: " + describe(error);
            ended.complete(new HookReport(
                    false,
                    response == null ? null : response.statusCode(),
                    failure + (made > 1 ? " (after " + made + " attempts)" : ""),
                    output));
        }

        @Override
        public Optional<HookReport> poll() {
            return Optional.ofNullable(ended.getNow(null));
        }

        @Override
        public synchronized void stop() {
            ended.complete(new HookReport(false, null, "stopped", ""));
            current.cancel(true);
        }

        @Override
        public CompletionStage<?> ended() {
            return ended;
        }
    }

    private static String status(HttpResponse<String> response) {
        return "answered HTTP " + response.statusCode();
    }

    private static String describe(Throwable thrown) {
        Throwable error = thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
                ? thrown.getCause()
                : thrown;
        if (error == null) {
            return "unknown";
        }
        String message = error.getMessage();
        String kind = error.getClass().getSimpleName();
        // Messages of the HTTP client may quote the address; the hook's own describe() says which one it was.
        return message == null || message.isBlank()
                ? kind
                : kind + " (" + io.genesis.core.secret.Redaction.text(message) + ")";
    }
}
