package io.genesis.core.policy;

import io.genesis.core.gate.CoverageMetric;
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
 */
public record GateThresholds(
        Percentage minPassRate,
        Map<CoverageMetric, Percentage> minCoverage,
        Optional<Double> maxCoverageDrop,
        boolean allowLoosening) {

    public GateThresholds {
        Objects.requireNonNull(minPassRate, "minPassRate");
        Objects.requireNonNull(maxCoverageDrop, "maxCoverageDrop");
        maxCoverageDrop.ifPresent(drop -> {
            if (drop.isNaN() || drop < 0 || drop > 100) {
                throw new IllegalArgumentException(
                        "maxCoverageDrop must be between 0 and 100 percentage points, got " + drop);
            }
        });
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(Objects.requireNonNull(minCoverage, "minCoverage"));
        minCoverage = Collections.unmodifiableMap(copy);
    }

    /** A pass-rate bar and a line-coverage bar, nothing else. */
    public static GateThresholds of(double minPassRate, double minLineCoverage) {
        return new GateThresholds(
                Percentage.of("minPassRate", minPassRate),
                Map.of(CoverageMetric.LINE, Percentage.of("minCoverage", minLineCoverage)),
                Optional.empty(),
                false);
    }

    public GateThresholds withMinPassRate(Percentage rate) {
        return new GateThresholds(rate, minCoverage, maxCoverageDrop, allowLoosening);
    }

    public GateThresholds withMinCoverage(CoverageMetric metric, Percentage bar) {
        EnumMap<CoverageMetric, Percentage> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(minCoverage);
        copy.put(metric, bar);
        return new GateThresholds(minPassRate, copy, maxCoverageDrop, allowLoosening);
    }

    public GateThresholds withMaxCoverageDrop(double points) {
        return new GateThresholds(minPassRate, minCoverage, Optional.of(points), allowLoosening);
    }

    public GateThresholds withAllowLoosening(boolean allow) {
        return new GateThresholds(minPassRate, minCoverage, maxCoverageDrop, allow);
    }
}
