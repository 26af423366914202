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
 * @param recorded the baseline recorded for the version that runs in the environment now, used when
 *     no baseline files are given; {@code null} when it was not looked up
 */
public record BenchmarksRequest(
        List<ReportGlob> reports, List<ReportGlob> baseline, double thresholdPercent, RecordedBaseline recorded) {

    /** The release guide's bar: a build more than 10 % slower fails. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 10;

    public static final BenchmarksRequest NONE =
            new BenchmarksRequest(List.of(), List.of(), DEFAULT_THRESHOLD_PERCENT, null);

    public BenchmarksRequest {
        reports = List.copyOf(reports);
        baseline = List.copyOf(baseline);
        if (!(thresholdPercent >= 0 && thresholdPercent <= 1000)) {
            throw new IllegalArgumentException(
                    "the benchmark threshold must be between 0 and 1000 percent, got " + thresholdPercent);
        }
    }

    /** A request without a recorded baseline. */
    public BenchmarksRequest(List<ReportGlob> reports, List<ReportGlob> baseline, double thresholdPercent) {
        this(reports, baseline, thresholdPercent, null);
    }

    /** Whether benchmarks were asked for at all. */
    public boolean asked() {
        return !reports.isEmpty() || !baseline.isEmpty();
    }

    /** Whether the baseline is the recorded one: no baseline files, and a recorded baseline was looked up. */
    public boolean usesRecorded() {
        return baseline.isEmpty() && recorded != null;
    }
}
