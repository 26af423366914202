package io.genesis.core.monitor.probe;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Measures a candidate by probing it over HTTP at each sample: sends {@link HttpProbeSettings#requests()}
 * GETs at once and reads availability and error rate (a probe succeeds with a 2xx or 3xx answer
 * within the timeout; anything else, a refused connection included, fails it) and, where the
 * settings ask for it, the p95 latency of the probes that were answered. For targets without metrics of their own (a Kubernetes namespace
 * without Prometheus): it measures the candidate's health, not what users see.
 *
 * <p>A candidate that cannot be reached is measured as unavailable, not as missing data: that is
 * exactly what a probe is for. One sample takes at most the probe timeout, since probes run at once.
 */
public final class HttpProbeSource implements MetricSource {

    /** What a probe always measures. */
    public static final Set<Metric> OFFERED = EnumSet.of(Metric.AVAILABILITY, Metric.ERROR_RATE);

    private final HttpProbeSettings settings;
    private final HttpClient client;
    private final LongSupplier nanoTime;

    /** A probe with a client of its own. */
    public HttpProbeSource(HttpProbeSettings settings) {
        this(settings, client());
    }

    /** A probe on a shared client, so that many rollouts share its threads and connections. */
    public HttpProbeSource(HttpProbeSettings settings, HttpClient client) {
        this(settings, client, System::nanoTime);
    }

    /** A client for probes: redirects are answers (3xx counts as up), never followed elsewhere. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(HttpProbeSettings.DEFAULT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpProbeSource(HttpProbeSettings settings, HttpClient client, LongSupplier nanoTime) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public String describe() {
        return "HTTP probe of " + settings.url() + " (" + settings.requests() + " requests per sample)";
    }

    @Override
    public Set<Metric> metrics() {
        if (!settings.latency()) {
            return OFFERED;
        }
        Set<Metric> metrics = EnumSet.copyOf(OFFERED);
        metrics.add(Metric.LATENCY_P95);
        return metrics;
    }

    @Override
    public MetricReadings sample(MetricWindow window) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("User-Agent", "genesis-probe")
                .GET()
                .build();
        List<CompletableFuture<Probe>> probes = new ArrayList<>();
        for (int i = 0; i < settings.requests(); i++) {
            long start = nanoTime.getAsLong();
            probes.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> new Probe(
                            failure == null && response.statusCode() < 400,
                            failure == null,
                            (nanoTime.getAsLong() - start) / 1_000_000.0)));
        }
        List<Probe> done = probes.stream().map(CompletableFuture::join).toList();
        return readings(window, done, settings.latency());
    }

    static MetricReadings readings(MetricWindow window, List<Probe> probes, boolean latency) {
        long succeeded = probes.stream().filter(Probe::succeeded).count();
        double availability = 100.0 * succeeded / probes.size();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.AVAILABILITY, availability);
        values.put(Metric.ERROR_RATE, 100.0 - availability);
        List<Double> answered = new ArrayList<>(
                probes.stream().filter(Probe::answered).map(Probe::millis).toList());
        if (latency && !answered.isEmpty()) {
            Collections.sort(answered);
            // Nearest rank: the smallest latency that at least 95 % of the answers do not exceed.
            int rank = (int) Math.ceil(0.95 * answered.size());
            values.put(Metric.LATENCY_P95, answered.get(rank - 1));
        }
        return new MetricReadings(window, values);
    }

    /**
     * One probe's outcome.
     *
     * @param succeeded answered with a 2xx or 3xx status in time
     * @param answered answered at all, whatever the status
     * @param millis how long it took
     */
    record Probe(boolean succeeded, boolean answered, double millis) {}
}
