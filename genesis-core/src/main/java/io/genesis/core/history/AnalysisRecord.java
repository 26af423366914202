package io.genesis.core.history;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One analysis window as it was judged, with the measured values behind the decision.
 *
 * @param step the analysis step's position in the plan, from 1
 * @param from when the window started
 * @param to when it ended (early when a decision cut it short)
 * @param samples how many samples were judged
 * @param ok how many were OK
 * @param warnings how many were warnings
 * @param inconclusive how many had no usable data
 * @param critical how many were critical
 * @param worst the worst value per metric, keyed by metric name, in the metric's unit
 * @param outcome {@code passed}, {@code rolled back}, {@code inconclusive} or {@code interrupted}
 * @param reason the decision, with measured values and bounds
 * @param notable the latest samples that were not OK, with their values
 */
public record AnalysisRecord(
        int step,
        Instant from,
        Instant to,
        int samples,
        int ok,
        int warnings,
        int inconclusive,
        int critical,
        Map<String, Double> worst,
        String outcome,
        String reason,
        List<String> notable) {

    public AnalysisRecord {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        worst = Collections.unmodifiableMap(new TreeMap<>(worst == null ? Map.of() : worst));
        outcome = outcome == null ? "" : outcome;
        reason = reason == null ? "" : reason;
        notable = notable == null ? List.of() : List.copyOf(notable);
    }
}
