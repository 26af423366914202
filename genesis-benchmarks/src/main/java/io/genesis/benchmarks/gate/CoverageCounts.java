package io.genesis.benchmarks.gate;

import io.genesis.core.gate.CoverageMetric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Covered and missed counts per metric, as the report-level {@code <counter>} elements of a JaCoCo
 * report state them. A metric with nothing to count is absent, as JaCoCo leaves it out.
 *
 * @param counters covered and missed per metric
 */
public record CoverageCounts(Map<CoverageMetric, Counter> counters) {

    /** No coverage data. */
    public static final CoverageCounts NONE = new CoverageCounts(Map.of());

    /** Copies the map so the value stays immutable. */
    public CoverageCounts {
        if (counters == null) {
            throw new IllegalArgumentException("counters must not be null; pass an empty map for no data");
        }
        EnumMap<CoverageMetric, Counter> copy = new EnumMap<>(CoverageMetric.class);
        copy.putAll(counters);
        counters = Collections.unmodifiableMap(copy);
    }

    /** The counts of one metric, or a zero counter when the report has none. */
    public Counter get(CoverageMetric metric) {
        return counters.getOrDefault(metric, Counter.ZERO);
    }

    /** The sum per metric, for adding methods up to classes, packages and the report. */
    public CoverageCounts plus(CoverageCounts other) {
        EnumMap<CoverageMetric, Counter> sum = new EnumMap<>(CoverageMetric.class);
        for (CoverageMetric metric : CoverageMetric.values()) {
            Counter total = get(metric).plus(other.get(metric));
            if (total.total() > 0) {
                sum.put(metric, total);
            }
        }
        return new CoverageCounts(sum);
    }

    /**
     * One JaCoCo counter.
     *
     * @param covered items executed at least once
     * @param missed items never executed
     */
    public record Counter(long covered, long missed) {

        /** Nothing counted. */
        public static final Counter ZERO = new Counter(0, 0);

        /** Rejects negative counts. */
        public Counter {
            if (covered < 0 || missed < 0) {
                throw new IllegalArgumentException(
                        "covered and missed must not be negative, got covered=" + covered + " missed=" + missed);
            }
        }

        /** covered + missed. */
        public long total() {
            return covered + missed;
        }

        /** The sum of two counters. */
        public Counter plus(Counter other) {
            return new Counter(covered + other.covered, missed + other.missed);
        }
    }
}
