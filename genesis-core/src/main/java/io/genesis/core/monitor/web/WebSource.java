package io.genesis.core.monitor.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.monitor.HttpFetch;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.secret.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures with one GET per sample to a JSON API (Datadog, New Relic, any service that answers a
 * number), each metric read at its JSON Pointer. A pointer that finds nothing, or {@code null}, or a
 * NaN, is no data (inconclusive, never healthy); a value that is not a number, a body that is not
 * JSON or is larger than the bound, and any answer but 200 fail the sample, naming the address
 * (redacted) and the pointer, never the secret sent.
 */
public final class WebSource implements MetricSource {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxNumberLength(100)
                    .maxStringLength(1 << 20)
                    .build())
            .build());

    private final WebSettings settings;
    private final HttpClient client;
    private final SecretResolver secrets;
    private final String shown;

    public WebSource(WebSettings settings, HttpClient client, SecretResolver secrets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.shown = Redaction.url(settings.url());
    }

    @Override
    public String describe() {
        return "web " + shown;
    }

    @Override
    public Set<Metric> metrics() {
        return settings.pointers().keySet();
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        URI address =
                settings.address(window.from().getEpochSecond(), window.to().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(address)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "genesis-web")
                .GET();
        settings.secretHeaders().forEach((name, reference) -> {
            String secret = secrets.resolve(reference);
            request.header(name, name.equalsIgnoreCase("Authorization") ? "Bearer " + secret : secret);
        });
        JsonNode answer = HttpFetch.get(
                client,
                request.build(),
                settings.timeout(),
                describe(),
                "check the url and the token (a 401 or 403 is a token the service refused)",
                (contentType, body) -> {
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
                    if (bytes.length > settings.maxBytes()) {
                        throw new IllegalStateException(describe() + " answered more than " + settings.maxBytes()
                                + " bytes; fix: narrow the query, or raise maxBytes");
                    }
                    return parse(bytes);
                });
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        settings.pointers().forEach((metric, pointer) -> {
            Double value = value(metric, pointer, answer);
            if (value != null) {
                values.put(metric, value);
            }
        });
        return new MetricReadings(window, values);
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            // The parser's message quotes the body; say only that it is not JSON.
            throw new IllegalStateException(describe() + " answered something that is not JSON; fix: point the url at"
                    + " the service's JSON query API");
        }
    }

    private Double value(Metric metric, String pointer, JsonNode answer) {
        JsonNode node = answer.at(JsonPointer.compile(pointer));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual() && node.asText().trim().matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
            value = Double.parseDouble(node.asText().trim());
        } else {
            throw new IllegalStateException(describe() + ": the " + metric.label() + " at " + pointer + " is a "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a number; fix: point at the"
                    + " number itself");
        }
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
