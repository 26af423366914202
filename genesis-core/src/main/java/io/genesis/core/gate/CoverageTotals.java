package io.genesis.core.gate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Coverage counters per metric, summed over every coverage report of a run. A metric that no
 * report measured is absent, which is different from measured-and-zero.
 *
 * @param counters the counter of each measured metric
 */
public record CoverageTotals(Map<CoverageMetric, CoverageCounter> counters) {

    public static final CoverageTotals NONE = new CoverageTotals(Map.of());

    public CoverageTotals {
        EnumMap<CoverageMetric, CoverageCounter> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(Objects.requireNonNull(counters, "counters"));
        counters = Collections.unmodifiableMap(copy);
    }

    public Optional<CoverageCounter> get(CoverageMetric metric) {
        return Optional.ofNullable(counters.get(metric));
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    /** These counters and {@code other}'s, added metric by metric. */
    public CoverageTotals plus(CoverageTotals other) {
        EnumMap<CoverageMetric, CoverageCounter> sum = new EnumMap<>(CoverageMetric.class);
        sum.putAll(counters);
        other.counters.forEach((metric, counter) -> sum.merge(metric, counter, CoverageCounter::plus));
        return new CoverageTotals(sum);
    }
}
