package io.genesis.core.monitor.web;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricAddress;
import io.genesis.core.monitor.MetricSettings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.prometheus.PrometheusSettings;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An HTTP GET that answers JSON, and where in the answer each metric's number is (kind
 * {@value #KIND}): enough for Datadog's or New Relic's query APIs, or any service that answers a
 * number. The url may hold {@code $from} and {@code $to} (the sample's window, epoch seconds),
 * {@code $window} (its length in seconds) and {@code $version}; each metric is a JSON Pointer (RFC 6901)
 * such as {@code /series/0/pointlist/0/1}. Secrets go in headers only, by reference: {@code token} is
 * sent as {@code Authorization: Bearer …}, {@code header.NAME} as the header NAME; a reference is
 * resolved by the front door ({@link SecretResolver}) when a request is made, and is all that is stored.
 *
 * @param url the address template
 * @param pointers a JSON Pointer per metric; at least one
 * @param secretHeaders header name to secret reference ({@code Authorization} for the bearer token)
 * @param timeout how long one request may take, body included
 * @param maxBytes the largest answer read
 * @param allowInsecureHttp whether secrets may go over plain http to this machine's loopback
 */
public record WebSettings(
        String url,
        Map<Metric, String> pointers,
        Map<String, String> secretHeaders,
        Duration timeout,
        long maxBytes,
        boolean allowInsecureHttp) {

    /** The metric source kind of a JSON query over HTTP. */
    public static final String KIND = "web";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    private static final String EXAMPLE = "https://api.example.com/v1/query?from=$from&to=$to";
    private static final String HEADER = "header.";
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}|localhost|\\[::1]");

    public WebSettings {
        URI address = MetricAddress.require("web", sampleUrl(url), EXAMPLE);
        if (pointers == null || pointers.isEmpty()) {
            throw new IllegalArgumentException("web needs at least one JSON Pointer: "
                    + String.join(", ", PrometheusSettings.queryNames()) + ", such as errorRate: /data/0/value");
        }
        pointers.forEach((metric, pointer) -> {
            if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
                throw new IllegalArgumentException("web pointer for " + metric.label() + " must be a JSON Pointer"
                        + " (RFC 6901) starting with '/', such as /series/0/pointlist/0/1; got '" + pointer + "'");
            }
        });
        pointers = Map.copyOf(new EnumMap<>(pointers));
        secretHeaders = Map.copyOf(new TreeMap<>(secretHeaders));
        secretHeaders.keySet().forEach(WebSettings::requireHeaderName);
        if (timeout == null
                || timeout.isNegative()
                || timeout.isZero()
                || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("web timeout must be more than 0 and at most 1 min, got " + timeout);
        }
        if (maxBytes < 1 || maxBytes > 16L << 20) {
            throw new IllegalArgumentException(
                    "web setting 'maxBytes' must be between 1 and " + (16L << 20) + ", got " + maxBytes);
        }
        requireSafeTransport(address, !secretHeaders.isEmpty(), allowInsecureHttp);
    }

    /** The settings a stored spec names; unknown or malformed settings fail naming the setting. */
    public static WebSettings from(MetricSpec spec) {
        Set<String> known = new java.util.TreeSet<>(PrometheusSettings.queryNames());
        known.addAll(Set.of("url", "token", "timeoutMillis", "maxBytes", "allowInsecureHttp"));
        spec.settings().keySet().stream().filter(key -> key.startsWith(HEADER)).forEach(known::add);
        MetricSettings settings = MetricSettings.of(spec, KIND, "web", known);
        Map<Metric, String> pointers = new EnumMap<>(Metric.class);
        for (String name : PrometheusSettings.queryNames()) {
            if (settings.has(name)) {
                pointers.put(PrometheusSettings.metricNamed(name).orElseThrow(), settings.get(name));
            }
        }
        Map<String, String> headers = new TreeMap<>();
        spec.settings().forEach((key, value) -> {
            if (key.startsWith(HEADER)) {
                headers.put(key.substring(HEADER.length()), value);
            }
        });
        if (settings.has("token")) {
            headers.put("Authorization", settings.get("token"));
        }
        return new WebSettings(
                settings.required("url", EXAMPLE),
                pointers,
                headers,
                Duration.ofMillis(settings.wholeNumber("timeoutMillis", DEFAULT_TIMEOUT.toMillis())),
                settings.wholeNumber("maxBytes", DEFAULT_MAX_BYTES),
                settings.flag("allowInsecureHttp"));
    }

    /** The spec stored with a rollout: references to secrets, never secrets. */
    public MetricSpec spec() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("url", url);
        pointers.forEach((metric, pointer) -> settings.put(keyOf(metric), pointer));
        secretHeaders.forEach((name, reference) ->
                settings.put(name.equalsIgnoreCase("Authorization") ? "token" : HEADER + name, reference));
        settings.put("timeoutMillis", Long.toString(timeout.toMillis()));
        settings.put("maxBytes", Long.toString(maxBytes));
        settings.put("allowInsecureHttp", Boolean.toString(allowInsecureHttp));
        return new MetricSpec(KIND, settings);
    }

    /** These settings with {@code $version} in the url replaced by {@code version}. */
    public WebSettings forVersion(String version) {
        return new WebSettings(
                url.replace("$version", version), pointers, secretHeaders, timeout, maxBytes, allowInsecureHttp);
    }

    /** The address for one window: its placeholders replaced by numbers. */
    URI address(long from, long to) {
        return URI.create(encoded(url.replace("$from", Long.toString(from))
                .replace("$to", Long.toString(to))
                .replace("$window", Long.toString(Math.max(1, to - from)))));
    }

    /**
     * {@code text} with the characters a URI may not hold percent-encoded (UTF-8), so that a query
     * can be written as the service documents it, such as Datadog's {@code avg:errors{service:shop}}.
     */
    static String encoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String keyOf(Metric metric) {
        return PrometheusSettings.queryNames().stream()
                .filter(name -> PrometheusSettings.metricNamed(name).orElseThrow() == metric)
                .findFirst()
                .orElseThrow();
    }

    private static String sampleUrl(String url) {
        return url == null
                ? null
                : encoded(url.replace("$from", "0").replace("$to", "0").replace("$window", "0"));
    }

    private static void requireHeaderName(String name) {
        if (!HEADER_NAME.matcher(name).matches()
                || Set.of("host", "content-length", "connection", "expect", "upgrade")
                        .contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("web header '" + name + "' cannot carry a secret; fix: name a header"
                    + " such as DD-API-KEY or X-Query-Key");
        }
    }

    /** The rule of the Kubernetes connection too: no secret over plain http, except to loopback when allowed. */
    private static void requireSafeTransport(URI address, boolean secrets, boolean allowInsecureHttp) {
        if (!secrets || !"http".equalsIgnoreCase(address.getScheme())) {
            return;
        }
        if (!allowInsecureHttp) {
            throw new IllegalArgumentException("web url is plain http, and its token or secret headers would travel"
                    + " unencrypted; fix: use the https address, or, for a service on this machine only, set"
                    + " allowInsecureHttp: true");
        }
        if (!LOOPBACK.matcher(address.getHost().toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("web url is plain http on a host that is not this machine's loopback;"
                    + " insecure http is allowed only to 127.0.0.1, ::1 or localhost: use https");
        }
    }
}
