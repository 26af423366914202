package io.genesis.docker.target;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentKey;
import io.genesis.docker.engine.EngineClient;
import io.genesis.docker.engine.EngineException;
import io.genesis.docker.proxy.Haproxy;
import io.genesis.docker.proxy.ServerCounters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Error rate and availability of a version's containers, from the requests HAProxy really sent them.
 * HAProxy keeps running totals per server, so a sample is the difference between the totals now and
 * the newest totals this source read at or before the window's start; without one (the first sample of
 * a process) it counts from when the containers joined the proxy, which for a candidate is the traffic
 * it has had so far. A window without requests gives no readings: no data is never healthy.
 */
public final class DockerMetricSource implements MetricSource {

    private final DeploymentKey key;
    private final String version;
    private final EngineClient engine;
    private final Haproxy proxy;
    private final Clock clock;
    private final long minRequests;
    private final Deque<Snapshot> history = new ArrayDeque<>();
    private Set<String> knownNames = Set.of();

    private record Snapshot(Instant at, Map<String, ServerCounters> counters) {}

    public DockerMetricSource(
            DeploymentKey key, String version, EngineClient engine, Haproxy proxy, Clock clock, long minRequests) {
        this.key = key;
        this.version = version;
        this.engine = engine;
        this.proxy = proxy;
        this.clock = clock;
        this.minRequests = minRequests;
    }

    /**
     * The names of the version's containers, which are its servers in the proxy. While the engine does not
     * answer (it restarts) the names last read stand: the counts come from the proxy, which keeps running.
     */
    private Set<String> containerNames() {
        Map<String, String> labels = new HashMap<>(Labels.of(key));
        labels.put(Labels.VERSION, version);
        try {
            Set<String> names = new TreeSet<>();
            engine.listContainers(labels).forEach(container -> names.add(container.name()));
            knownNames = names;
        } catch (EngineException e) {
            if (knownNames.isEmpty()) {
                throw e;
            }
        }
        return knownNames;
    }

    @Override
    public String describe() {
        return "haproxy counters of " + version + " of " + key + " (" + proxy.directory() + ")";
    }

    @Override
    public Set<Metric> metrics() {
        return EnumSet.of(Metric.ERROR_RATE, Metric.AVAILABILITY);
    }

    @Override
    public synchronized MetricReadings sample(MetricWindow window) {
        Map<String, ServerCounters> now = proxy.counters();
        Instant at = clock.instant();
        Map<String, ServerCounters> baseline = Map.of();
        for (Snapshot snapshot : history) {
            if (!snapshot.at().isAfter(window.from())) {
                baseline = snapshot.counters();
            }
        }
        history.addLast(new Snapshot(at, now));
        while (history.size() > 1000) {
            history.removeFirst();
        }
        ServerCounters total = ServerCounters.ZERO;
        for (String name : containerNames()) {
            ServerCounters current = now.getOrDefault(name, ServerCounters.ZERO);
            total = total.plus(current.since(baseline.getOrDefault(name, ServerCounters.ZERO)));
        }
        if (total.requests() < Math.max(1, minRequests)) {
            return MetricReadings.none(window);
        }
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        double errorRate = 100.0 * total.errors() / total.requests();
        values.put(Metric.ERROR_RATE, errorRate);
        values.put(Metric.AVAILABILITY, 100.0 - errorRate);
        return new MetricReadings(window, values);
    }
}
