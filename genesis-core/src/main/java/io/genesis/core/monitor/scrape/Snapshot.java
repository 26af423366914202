package io.genesis.core.monitor.scrape;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The series one scrape found for each selector: counters by their labels, and histogram buckets by
 * the histogram's labels and then by bound. Two snapshots give the increase between two scrapes:
 * counters only grow, so a value below the previous one means the process restarted and the
 * counter began again from 0 (a reset, as PromQL's {@code rate} takes it); a series that was not
 * there before counts whole.
 */
final class Snapshot implements SampleSink {

    /** Before the first scrape: every counter starts at 0, as a process's counters do. */
    static final Snapshot EMPTY = new Snapshot(null, null, null, null);

    private final SeriesSelector requests;
    private final SeriesSelector errors;
    private final SeriesSelector buckets;
    private final String source;
    private final Map<Map<String, String>, Double> requestValues = new HashMap<>();
    private final Map<Map<String, String>, Double> errorValues = new HashMap<>();
    private final Map<Map<String, String>, Map<Double, Double>> bucketValues = new HashMap<>();

    Snapshot(SeriesSelector requests, SeriesSelector errors, SeriesSelector latency, String source) {
        this.requests = requests;
        this.errors = errors;
        this.buckets = latency == null ? null : latency.named(latency.name() + "_bucket");
        this.source = source;
    }

    @Override
    public boolean wants(String name) {
        return (requests != null && requests.name().equals(name))
                || (errors != null && errors.name().equals(name))
                || (buckets != null && buckets.name().equals(name));
    }

    @Override
    public void sample(String name, Map<String, String> labels, double value) {
        if (requests != null && requests.matches(name, labels)) {
            requestValues.put(labels, value);
        }
        if (errors != null && errors.matches(name, labels)) {
            errorValues.put(labels, value);
        }
        if (buckets != null && buckets.matches(name, labels)) {
            Map<String, String> histogram = new TreeMap<>(labels);
            String le = histogram.remove("le");
            bucketValues.computeIfAbsent(histogram, key -> new HashMap<>()).put(bound(le, name), value);
        }
    }

    /** Whether the requests selector found any series. */
    boolean hasRequests() {
        return !requestValues.isEmpty();
    }

    /** How many requests were counted since {@code before}. */
    double requestsSince(Snapshot before) {
        return increase(before.requestValues, requestValues);
    }

    /** How many failed requests were counted since {@code before}; none when no such series exists yet. */
    double errorsSince(Snapshot before) {
        return increase(before.errorValues, errorValues);
    }

    /**
     * The buckets of every matched histogram added up by bound (as {@code sum by (le)}), each
     * bucket's increase since {@code before}; empty when no histogram matched.
     */
    Optional<Map<Double, Double>> bucketsSince(Snapshot before) {
        if (bucketValues.isEmpty()) {
            return Optional.empty();
        }
        Map<Double, Double> total = new HashMap<>();
        bucketValues.forEach((histogram, now) -> {
            Map<Double, Double> then = before.bucketValues.getOrDefault(histogram, Map.of());
            // A histogram resets as a whole: its +Inf bucket (the count of observations) fell.
            boolean reset =
                    now.getOrDefault(Double.POSITIVE_INFINITY, 0.0) < then.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
            now.forEach((bound, count) -> {
                double increase = reset ? count : increase(then.get(bound), count);
                total.merge(bound, increase, Double::sum);
            });
        });
        return Optional.of(total);
    }

    private static double increase(Map<Map<String, String>, Double> before, Map<Map<String, String>, Double> now) {
        double sum = 0;
        for (Map.Entry<Map<String, String>, Double> series : now.entrySet()) {
            sum += increase(before.get(series.getKey()), series.getValue());
        }
        return sum;
    }

    private static double increase(Double before, double now) {
        if (Double.isNaN(now)) {
            return 0;
        }
        if (before == null || Double.isNaN(before) || now < before) {
            return now;
        }
        return now - before;
    }

    private double bound(String le, String name) {
        if (le == null) {
            throw new ExpositionException(source + ": histogram bucket " + name + " has no 'le' label; fix: point"
                    + " 'latency' at a histogram (its name without _bucket)");
        }
        return switch (le) {
            case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(le);
                } catch (NumberFormatException e) {
                    throw new ExpositionException(
                            source + ": histogram bucket " + name + " has le=\"" + le + "\", not a number", e);
                }
            }
        };
    }
}
