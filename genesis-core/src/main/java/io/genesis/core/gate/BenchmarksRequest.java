package io.genesis.core.gate;

import java.util.List;

/**
 * What a request asks of benchmarks: the run's results, the baseline to compare them with, and by
 * how much a benchmark may be worse.
 *
 * @param reports patterns of JMH ({@code -rf json}) or pytest-benchmark ({@code --benchmark-json})
 *     files of this run
 * @param baseline patterns of the same kind of files from the run to compare with
 * @param thresholdPercent how many percent worse a benchmark may be before it regresses (when its
 *     interval is also apart from the baseline's)
 */
public record BenchmarksRequest(List<ReportGlob> reports, List<ReportGlob> baseline, double thresholdPercent) {

    /** The release guide's bar: a build more than 10 % slower fails. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 10;

    public static final BenchmarksRequest NONE = new BenchmarksRequest(List.of(), List.of(), DEFAULT_THRESHOLD_PERCENT);

    public BenchmarksRequest {
        reports = List.copyOf(reports);
        baseline = List.copyOf(baseline);
        if (!(thresholdPercent >= 0 && thresholdPercent <= 1000)) {
            throw new IllegalArgumentException(
                    "the benchmark threshold must be between 0 and 1000 percent, got " + thresholdPercent);
        }
    }

    /** Whether benchmarks were asked for at all. */
    public boolean asked() {
        return !reports.isEmpty() || !baseline.isEmpty();
    }
}
