package io.genesis.core.watch;

import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricThresholds;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyKey;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an environment's {@code watchThresholds:} section, in every source of policy ({@code genesis.yaml},
 * a trusted policy file, the plugin's global configuration):
 *
 * <pre>
 * watchThresholds:
 *   errorRate: {warning: 0.1, critical: 1, rollback: 5}   # percent
 *   latencyP95: {warning: 200, critical: 500}             # milliseconds
 *   availability: {warning: 99.9, critical: 99, rollback: 95}
 *   testPassRate: {warning: 98, critical: 95}
 *   consecutiveCritical: 2      # critical samples in a row that roll back, 1 to 100
 *   recoverySamples: 2          # healthy samples in a row that resolve an incident, 1 to 100
 *   sampleInterval: 30s         # how often to sample, 1s to 1h
 * </pre>
 *
 * A metric left out keeps the release guide's bounds ({@link AnalysisThresholds#defaults()}), and so does
 * a bound left out of a metric. Which source may set it is {@link io.genesis.core.policy.CheckoutPolicy}'s
 * rule: a checkout may not for a protected environment.
 */
public final class WatchThresholdsBinder {

    /** The metrics' keys, in the order the messages list them. */
    private static final Map<String, Metric> METRICS = metrics();

    private static final String CONSECUTIVE_CRITICAL = "consecutiveCritical";
    private static final String RECOVERY_SAMPLES = "recoverySamples";
    private static final String SAMPLE_INTERVAL = "sampleInterval";
    private static final List<String> BOUNDS = List.of("warning", "critical", "rollback");
    private static final int MAX_SAMPLES = 100;
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private WatchThresholdsBinder() {}

    private static Map<String, Metric> metrics() {
        Map<String, Metric> keys = new LinkedHashMap<>();
        keys.put("errorRate", Metric.ERROR_RATE);
        keys.put("latencyP95", Metric.LATENCY_P95);
        keys.put("availability", Metric.AVAILABILITY);
        keys.put("testPassRate", Metric.TEST_PASS_RATE);
        return keys;
    }

    /** The watch thresholds each environment of {@code document} sets, by environment. */
    public static Map<String, WatchThresholds> bind(PolicyDocument document) {
        Map<String, WatchThresholds> all = new LinkedHashMap<>();
        for (PolicyEntry entry : document.entries()) {
            of(entry).ifPresent(thresholds -> all.put(entry.name(), thresholds));
        }
        return all;
    }

    /**
     * The thresholds {@code entry} sets, if any.
     *
     * @throws io.genesis.core.policy.PolicyException naming the environment, the key, the value and the fix
     */
    public static Optional<WatchThresholds> of(PolicyEntry entry) {
        Optional<Map<String, Object>> section = entry.mapping(PolicyKey.WATCH_THRESHOLDS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        AnalysisThresholds thresholds = AnalysisThresholds.defaults();
        int recovery = WatchRequest.DEFAULT_RECOVERY_SAMPLES;
        for (Map.Entry<String, Object> setting : section.get().entrySet()) {
            String key = setting.getKey();
            Object value = setting.getValue();
            Metric metric = METRICS.get(key);
            if (metric != null) {
                thresholds = metric(entry, thresholds, key, metric, value);
            } else if (key.equals(CONSECUTIVE_CRITICAL)) {
                thresholds = thresholds.withConsecutiveCriticalForRollback(count(entry, key, value));
            } else if (key.equals(RECOVERY_SAMPLES)) {
                recovery = count(entry, key, value);
            } else if (key.equals(SAMPLE_INTERVAL)) {
                thresholds = thresholds.withSampleInterval(interval(entry, value));
            } else {
                throw entry.refusalAt(
                        path(key),
                        "is not a watch threshold; fix: use one of " + String.join(", ", METRICS.keySet()) + ", "
                                + CONSECUTIVE_CRITICAL + ", " + RECOVERY_SAMPLES + ", " + SAMPLE_INTERVAL);
            }
        }
        return Optional.of(new WatchThresholds(thresholds, recovery));
    }

    private static AnalysisThresholds metric(
            PolicyEntry entry, AnalysisThresholds thresholds, String key, Metric metric, Object value) {
        if (!(value instanceof Map<?, ?> bounds)) {
            throw entry.refusalAt(
                    path(key), "must be a mapping such as {warning: 0.1, critical: 1, rollback: 5}; fix: write one");
        }
        MetricThresholds current = thresholds.limits().get(metric);
        Double warning = current.warning();
        Double critical = current.critical();
        Double rollback = current.rollback();
        for (Map.Entry<?, ?> bound : bounds.entrySet()) {
            String name = String.valueOf(bound.getKey());
            double number = number(entry, key + "." + name, bound.getValue());
            switch (name) {
                case "warning" -> warning = number;
                case "critical" -> critical = number;
                case "rollback" -> rollback = number;
                default ->
                    throw entry.refusalAt(
                            path(key + "." + name), "is not a bound; fix: use one of " + String.join(", ", BOUNDS));
            }
        }
        try {
            return thresholds.with(metric, new MetricThresholds(warning, critical, rollback));
        } catch (IllegalArgumentException e) {
            throw entry.refusalAt(path(key), "is refused: " + e.getMessage() + "; fix: correct its bounds");
        }
    }

    private static double number(PolicyEntry entry, String key, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw entry.refusalAt(
                path(key),
                "must be a number in the metric's unit, such as 1 or 99.9, not '" + value + "'; fix: write one");
    }

    private static int count(PolicyEntry entry, String key, Object value) {
        if (value instanceof Integer count && count >= 1 && count <= MAX_SAMPLES) {
            return count;
        }
        throw entry.refusalAt(
                path(key),
                "must be a whole number of samples from 1 to " + MAX_SAMPLES + ", not '" + value
                        + "'; fix: write one, such as 2");
    }

    private static Duration interval(PolicyEntry entry, Object value) {
        Duration interval;
        try {
            interval = Durations.parse(path(SAMPLE_INTERVAL), String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw entry.refusalAt(path(SAMPLE_INTERVAL), "is refused: " + e.getMessage());
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw entry.refusalAt(
                    path(SAMPLE_INTERVAL),
                    "must be from 1s to 1h, not " + Durations.format(interval) + "; fix: write one, such as 30s");
        }
        return interval;
    }

    private static String path(String key) {
        return PolicyKey.WATCH_THRESHOLDS.key() + "." + key;
    }
}
