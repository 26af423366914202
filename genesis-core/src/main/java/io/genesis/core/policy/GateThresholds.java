package io.genesis.core.policy;

import io.genesis.core.gate.CoverageMetric;
import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality bar an environment sets for a build before it may deploy there.
 *
 * @param minPassRate the lowest test pass rate accepted
 * @param minCoverage the lowest coverage per metric; a metric that is absent is not gated
 * @param maxCoverageDrop how many percentage points coverage may fall below the baseline, if gated
 * @param allowLoosening whether a pipeline step may ask for a lower bar than this one
 * @param criticality what a criterion of each kind does when it is not met; a kind that is absent
 *     is {@link Criticality#ERROR}, and error is kept as absent
 * @param findings how many security findings are accepted, per severity and for secrets; a
 *     request may only tighten these, whatever {@code allowLoosening} says
 */
public record GateThresholds(
        Percentage minPassRate,
        Map<CoverageMetric, Percentage> minCoverage,
        Optional<Double> maxCoverageDrop,
        boolean allowLoosening,
        Map<CriterionKind, Criticality> criticality,
        FindingBounds findings) {

    public GateThresholds {
        Objects.requireNonNull(minPassRate, "minPassRate");
        Objects.requireNonNull(maxCoverageDrop, "maxCoverageDrop");
        maxCoverageDrop.ifPresent(drop -> Percentage.requirePoints("maxCoverageDrop", drop));
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(Objects.requireNonNull(minCoverage, "minCoverage"));
        minCoverage = Collections.unmodifiableMap(copy);
        EnumMap<CriterionKind, Criticality> levels = new EnumMap<>(CriterionKind.class);
        levels.putAll(Objects.requireNonNull(criticality, "criticality"));
        levels.keySet().forEach(GateThresholds::requireConfigurable);
        // Absent means error: one spelling, so that equal policies are equal records.
        levels.values().removeIf(level -> level == Criticality.ERROR);
        criticality = Collections.unmodifiableMap(levels);
        Objects.requireNonNull(findings, "findings");
    }

    /** Thresholds that gate no security findings. */
    public GateThresholds(
            Percentage minPassRate,
            Map<CoverageMetric, Percentage> minCoverage,
            Optional<Double> maxCoverageDrop,
            boolean allowLoosening,
            Map<CriterionKind, Criticality> criticality) {
        this(minPassRate, minCoverage, maxCoverageDrop, allowLoosening, criticality, FindingBounds.NONE);
    }

    /** Thresholds whose every criterion has criticality {@link Criticality#ERROR}. */
    public GateThresholds(
            Percentage minPassRate,
            Map<CoverageMetric, Percentage> minCoverage,
            Optional<Double> maxCoverageDrop,
            boolean allowLoosening) {
        this(minPassRate, minCoverage, maxCoverageDrop, allowLoosening, Map.of());
    }

    /** A pass-rate bar and a line-coverage bar, nothing else. */
    public static GateThresholds of(double minPassRate, double minLineCoverage) {
        return new GateThresholds(
                Percentage.of("minPassRate", minPassRate),
                Map.of(CoverageMetric.LINE, Percentage.of("minCoverage", minLineCoverage)),
                Optional.empty(),
                false);
    }

    /**
     * Refuses a criticality for a kind that is an input problem: reports that cannot be read and
     * runs without tests are missing data, and missing data never passes.
     */
    public static CriterionKind requireConfigurable(CriterionKind kind) {
        if (!kind.configurable()) {
            throw new IllegalArgumentException("criticality of " + kind.key()
                    + " cannot be set: it is an input problem, and missing data never passes, so it is always"
                    + " error; remove " + kind.key() + " from the criticality settings");
        }
        return kind;
    }

    /** What a criterion of {@code kind} does when it is not met. */
    public Criticality criticalityOf(CriterionKind kind) {
        return criticality.getOrDefault(kind, Criticality.ERROR);
    }

    public GateThresholds withMinPassRate(Percentage rate) {
        return new GateThresholds(rate, minCoverage, maxCoverageDrop, allowLoosening, criticality, findings);
    }

    public GateThresholds withMinCoverage(CoverageMetric metric, Percentage bar) {
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(minCoverage);
        copy.put(metric, bar);
        return new GateThresholds(minPassRate, copy, maxCoverageDrop, allowLoosening, criticality, findings);
    }

    public GateThresholds withMaxCoverageDrop(double points) {
        return new GateThresholds(minPassRate, minCoverage, Optional.of(points), allowLoosening, criticality, findings);
    }

    public GateThresholds withAllowLoosening(boolean allow) {
        return new GateThresholds(minPassRate, minCoverage, maxCoverageDrop, allow, criticality, findings);
    }

    public GateThresholds withFindings(FindingBounds bounds) {
        return new GateThresholds(minPassRate, minCoverage, maxCoverageDrop, allowLoosening, criticality, bounds);
    }

    public GateThresholds withCriticality(CriterionKind kind, Criticality level) {
        EnumMap<CriterionKind, Criticality> copy = new EnumMap<>(CriterionKind.class);
        copy.putAll(criticality);
        copy.put(kind, Objects.requireNonNull(level, "criticality"));
        return new GateThresholds(minPassRate, minCoverage, maxCoverageDrop, allowLoosening, copy, findings);
    }
}
