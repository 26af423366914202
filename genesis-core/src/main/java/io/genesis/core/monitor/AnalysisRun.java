package io.genesis.core.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The samples of one analysis window so far, summarised: counts per classification, the run of
 * critical samples, the worst value of each metric, and the notable samples with their measured
 * values. Small enough to store after every sample, however long the window.
 *
 * @param samples how many samples were judged
 * @param ok how many were OK
 * @param warnings how many were warnings
 * @param inconclusive how many had no usable data
 * @param critical how many were critical
 * @param consecutiveCritical how many of the latest samples in a row were critical
 * @param worst the worst value seen per metric
 * @param notable the latest samples that were not OK, each with its instant and measured values
 */
public record AnalysisRun(
        int samples,
        int ok,
        int warnings,
        int inconclusive,
        int critical,
        int consecutiveCritical,
        Map<Metric, Double> worst,
        List<String> notable) {

    /** How many notable samples are kept: enough to explain a decision, bounded for a 48-hour window. */
    public static final int NOTABLE_KEPT = 20;

    public AnalysisRun {
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(Objects.requireNonNull(worst, "worst"));
        worst = Collections.unmodifiableMap(copy);
        notable = List.copyOf(notable);
    }

    public static AnalysisRun empty() {
        return new AnalysisRun(0, 0, 0, 0, 0, 0, Map.of(), List.of());
    }

    /** This run with {@code verdict}, taken at {@code at}, added. */
    public AnalysisRun plus(SampleVerdict verdict, Instant at) {
        Classification c = verdict.classification();
        EnumMap<Metric, Double> newWorst = new EnumMap<>(Metric.class);
        newWorst.putAll(worst);
        for (Reading reading : verdict.readings()) {
            if (reading.value() != null) {
                newWorst.merge(
                        reading.metric(),
                        reading.value(),
                        (a, b) -> reading.metric().direction().worse(a, b));
            }
        }
        List<String> newNotable = new ArrayList<>(notable);
        if (c != Classification.OK) {
            newNotable.add(at + " " + c.name().toLowerCase(java.util.Locale.ROOT) + ": " + verdict.explainAll());
            if (newNotable.size() > NOTABLE_KEPT) {
                newNotable.remove(0);
            }
        }
        return new AnalysisRun(
                samples + 1,
                ok + (c == Classification.OK ? 1 : 0),
                warnings + (c == Classification.WARNING ? 1 : 0),
                inconclusive + (c == Classification.INCONCLUSIVE ? 1 : 0),
                critical + (c == Classification.CRITICAL ? 1 : 0),
                c == Classification.CRITICAL ? consecutiveCritical + 1 : 0,
                newWorst,
                newNotable);
    }

    /** The worst values, formatted: {@code error rate 0.20 %, p95 latency 180 ms}. */
    public String describeWorst() {
        if (worst.isEmpty()) {
            return "no values measured";
        }
        StringBuilder text = new StringBuilder();
        worst.forEach((metric, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(metric.label()).append(' ').append(metric.format(value));
        });
        return text.toString();
    }
}
