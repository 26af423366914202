package io.genesis.core.monitor.sources;

import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an environment's {@code metrics:} section, in every source of policy ({@code genesis.yaml},
 * a trusted policy file, the plugin's global configuration):
 *
 * <pre>
 * metrics:
 *   kind: scrape                        # prometheus, scrape, web, probe or tests
 *   url: http://shop-preview:8080/metrics
 *   requests: http_requests_total{job="shop"}
 *   errors: http_requests_total{job="shop",code=~"5.."}
 *   latency: http_request_duration_seconds{job="shop"}
 * </pre>
 *
 * The other keys are the kind's settings (docs/monitor.md); a web source's secret headers may be a
 * mapping under {@code headers:}. Which source may set it is {@link io.genesis.core.policy.CheckoutPolicy}'s
 * rule: a checkout may not for a protected environment.
 */
public final class MetricsBinder {

    private static final String KIND = "kind";
    private static final String HEADERS = "headers";

    private MetricsBinder() {}

    /** The source each environment of {@code document} names, by environment; later entries win. */
    public static Map<String, MetricSpec> bind(PolicyDocument document) {
        Map<String, MetricSpec> sources = new LinkedHashMap<>();
        for (PolicyEntry entry : document.entries()) {
            of(entry).ifPresent(spec -> sources.put(entry.name(), spec));
        }
        return sources;
    }

    /**
     * The source {@code entry} names, checked as its kind reads it.
     *
     * @throws io.genesis.core.policy.PolicyException naming the environment, the key and the fix
     */
    public static Optional<MetricSpec> of(PolicyEntry entry) {
        Optional<Map<String, Object>> section = entry.mapping(PolicyKey.METRICS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> settings = new TreeMap<>();
        String kind = null;
        for (Map.Entry<String, Object> setting : section.get().entrySet()) {
            String key = setting.getKey();
            Object value = setting.getValue();
            if (key.equals(HEADERS) && value instanceof Map<?, ?> headers) {
                headers.forEach(
                        (name, reference) -> settings.put("header." + name, text(entry, key + "." + name, reference)));
            } else if (key.equals(KIND)) {
                kind = text(entry, key, value);
            } else {
                settings.put(key, text(entry, key, value));
            }
        }
        if (kind == null) {
            throw entry.refusal(
                    PolicyKey.METRICS,
                    "metrics has no kind; fix: add 'kind:' with one of prometheus, scrape, web, probe, tests");
        }
        MetricSpec spec = new MetricSpec(kind, settings);
        try {
            return Optional.of(MetricSources.check(spec));
        } catch (IllegalArgumentException e) {
            throw entry.refusal(PolicyKey.METRICS, "metrics: " + e.getMessage() + "; fix: correct this environment");
        }
    }

    /** {@code spec} as the section's plain tree, for a front door that shows or stores it. */
    public static Map<String, Object> tree(MetricSpec spec) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(KIND, spec.kind());
        tree.putAll(spec.settings());
        return tree;
    }

    private static String text(PolicyEntry entry, String key, Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw entry.refusal(
                    PolicyKey.METRICS,
                    "metrics." + key + " must be a single value such as 'http://shop:8080/metrics'; fix: give one,"
                            + " or remove the key");
        }
        return value.toString().trim();
    }
}
