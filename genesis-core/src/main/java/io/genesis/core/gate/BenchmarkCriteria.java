package io.genesis.core.gate;

import io.genesis.core.gate.benchmarks.BenchmarkComparison;
import io.genesis.core.gate.benchmarks.BenchmarkComparison.Delta;
import io.genesis.core.gate.benchmarks.BenchmarkComparison.Figure;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark criteria: {@code benchmarks} (each benchmark's score against the baseline) and, where
 * both runs measured allocation, {@code benchmarks.allocation}. Every compared benchmark's delta
 * with its intervals is a note; new and vanished benchmarks are listed. Benchmarks without a
 * baseline, or a baseline without benchmarks, fail: missing data never passes.
 */
final class BenchmarkCriteria {

    /** How many regressed benchmarks a line names; the count is always complete. */
    static final int NAMED = 5;

    private BenchmarkCriteria() {}

    static void judge(
            GatePolicy policy,
            BenchmarksRequest asked,
            Readings readings,
            List<Criterion> criteria,
            List<String> notes) {
        if (!asked.asked()) {
            return;
        }
        BenchmarkReadings read = readings.benchmarks();
        if (asked.usesRecorded() && !asked.reports().isEmpty()) {
            RecordedBaseline recorded = asked.recorded();
            if (!recorded.found()) {
                criteria.add(failed(
                        policy,
                        "benchmarks",
                        "benchmark results were given, but no baseline to compare them with: " + recorded.description()
                                + "; pass the baseline run's JMH or pytest-benchmark JSON"));
                return;
            }
            notes.add("benchmark baseline: " + recorded.description());
        } else if (asked.reports().isEmpty() || asked.baseline().isEmpty()) {
            criteria.add(failed(
                    policy,
                    "benchmarks",
                    asked.reports().isEmpty()
                            ? "a benchmark baseline was given, but no benchmark results of this run; pass both"
                            : "benchmark results were given, but no baseline to compare them with; pass the"
                                    + " baseline run's JMH or pytest-benchmark JSON as well"));
            return;
        }
        if (read.current().isEmpty() || read.baseline().isEmpty()) {
            criteria.add(failed(
                    policy,
                    "benchmarks",
                    "no benchmarks found in " + (read.current().isEmpty() ? "this run's files" : "the baseline")
                            + "; a benchmark gate without benchmarks cannot pass"));
            return;
        }
        BenchmarkComparison comparison =
                BenchmarkComparison.of(read.baseline(), read.current(), asked.thresholdPercent() / 100);
        criteria.add(criterion(policy, comparison, Figure.SCORE, asked.thresholdPercent()));
        if (!comparison.of(Figure.ALLOCATION).isEmpty()) {
            criteria.add(criterion(policy, comparison, Figure.ALLOCATION, asked.thresholdPercent()));
        }
        comparison.deltas().forEach(delta -> notes.add("benchmark " + delta.describe()));
        if (!comparison.added().isEmpty()) {
            notes.add("new benchmarks, not in the baseline: " + String.join(", ", comparison.added()));
        }
        if (!comparison.vanished().isEmpty()) {
            notes.add("vanished benchmarks, in the baseline only: " + String.join(", ", comparison.vanished()));
        }
    }

    private static Criterion criterion(
            GatePolicy policy, BenchmarkComparison comparison, Figure figure, double percent) {
        List<Delta> deltas = comparison.of(figure);
        List<Delta> regressed = deltas.stream().filter(Delta::regressed).toList();
        List<Delta> incomparable = deltas.stream().filter(d -> !d.comparable()).toList();
        String name = figure == Figure.SCORE ? "benchmarks" : "benchmarks.allocation";
        String what = figure == Figure.SCORE ? "benchmarks" : "benchmarks' allocation per operation";
        String bar = String.format(Locale.ROOT, "%.1f %%", percent);
        if (!incomparable.isEmpty()) {
            return failed(
                    policy,
                    name,
                    incomparable.size() + " of " + deltas.size() + " " + what
                            + " cannot be compared with the baseline: "
                            + incomparable.get(0).describe()
                            + "; run both with the same units");
        }
        if (!regressed.isEmpty()) {
            String named = regressed.stream()
                    .sorted(Comparator.comparingDouble(Delta::worseBy).reversed())
                    .limit(NAMED)
                    .map(Delta::describe)
                    .collect(Collectors.joining("; "));
            return Criterion.of(
                    name,
                    CriterionKind.BENCHMARKS,
                    policy.criticalityOf(CriterionKind.BENCHMARKS),
                    CriterionStatus.FAILED,
                    regressed.size(),
                    0,
                    regressed.size() + " of " + deltas.size() + " " + what + " worse than the baseline by more than "
                            + bar + " beyond the noise for " + policy.environment() + ": " + named);
        }
        String worst = deltas.stream()
                .max(Comparator.comparingDouble(Delta::worseBy))
                .map(d -> " (most worse: " + d.describe() + ")")
                .orElse("");
        return Criterion.of(
                name,
                CriterionKind.BENCHMARKS,
                policy.criticalityOf(CriterionKind.BENCHMARKS),
                CriterionStatus.PASSED,
                0,
                0,
                "none of " + deltas.size() + " " + what + " is worse than the baseline by more than " + bar
                        + " beyond the noise" + worst);
    }

    private static Criterion failed(GatePolicy policy, String name, String message) {
        return Criterion.of(
                name,
                CriterionKind.BENCHMARKS,
                policy.criticalityOf(CriterionKind.BENCHMARKS),
                CriterionStatus.FAILED,
                message);
    }
}
