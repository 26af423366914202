package io.genesis.core.monitor.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures a candidate with instant queries to the Prometheus HTTP API ({@code /api/v1/query}),
 * evaluated at the end of each sample's window. A query that finds no series, or answers NaN (no
 * traffic, 0 / 0), is no data — inconclusive, never healthy. A query that answers several series
 * is a mistake in the query and fails the sample, saying how to aggregate; so do Prometheus'
 * own errors (a bad query, the server away), with its message.
 */
public final class PrometheusSource implements MetricSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusSettings settings;
    private final HttpClient client;

    public PrometheusSource(PrometheusSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String describe() {
        return "prometheus " + settings.url();
    }

    @Override
    public Set<Metric> metrics() {
        return Collections.unmodifiableSet(settings.queries().keySet());
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        settings.queries().forEach((metric, query) -> {
            Double value = query(metric, query.replace("$window", range(window)), window);
            if (value != null) {
                values.put(metric, value);
            }
        });
        return new MetricReadings(window, values);
    }

    /** The window as a PromQL range, whole seconds and at least one. */
    static String range(MetricWindow window) {
        return Math.max(1, window.length().toSeconds()) + "s";
    }

    private Double query(Metric metric, String query, MetricWindow window) {
        String time = Long.toString(window.to().getEpochSecond());
        URI uri = URI.create(
                base() + "api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time=" + time);
        HttpResponse<String> response;
        try {
            response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(settings.timeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    describe() + " did not answer the " + metric.label() + " query: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(describe() + ": interrupted while asking for " + metric.label(), e);
        }
        return value(metric, query, response.statusCode(), response.body());
    }

    /** The number an API answer holds, {@code null} for no data; throws for an answer that is an error. */
    static Double value(Metric metric, String query, int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "prometheus answered the " + metric.label() + " query with HTTP " + status
                            + " and no JSON; is the url a Prometheus server?",
                    e);
        }
        if (!"success".equals(answer.path("status").asText())) {
            throw new IllegalStateException("prometheus refused the " + metric.label() + " query '" + query + "': "
                    + answer.path("errorType").asText("HTTP " + status) + ": "
                    + answer.path("error").asText(""));
        }
        JsonNode data = answer.path("data");
        JsonNode result = data.path("result");
        String text;
        switch (data.path("resultType").asText()) {
            case "scalar" -> text = result.path(1).asText();
            case "vector" -> {
                if (result.isEmpty()) {
                    return null;
                }
                if (result.size() > 1) {
                    throw new IllegalStateException("the " + metric.label() + " query '" + query + "' answers "
                            + result.size() + " series; it must answer one number: aggregate it, such as sum(...)");
                }
                text = result.path(0).path("value").path(1).asText();
            }
            default ->
                throw new IllegalStateException("the " + metric.label() + " query '" + query + "' answers a "
                        + data.path("resultType").asText("?") + "; it must answer one number (an instant vector"
                        + " of one series, or a scalar)");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "the " + metric.label() + " query '" + query + "' answered '" + text + "', not a number", e);
        }
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private String base() {
        String url = settings.url().toString();
        return url.endsWith("/") ? url : url + "/";
    }
}
