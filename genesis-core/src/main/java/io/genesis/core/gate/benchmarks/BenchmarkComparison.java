package io.genesis.core.gate.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's benchmarks against a baseline. A figure regresses only when it is worse by more than the
 * threshold <em>and</em> its confidence interval lies entirely on the worse side of the
 * baseline's: a change inside the noise is not a regression. Benchmarks are matched by name
 * (with their parameters and mode); those in only one of the two runs are listed as new or
 * vanished.
 *
 * @param deltas one per figure compared: each benchmark's score, and its allocation per operation
 *     where both runs measured it
 * @param added benchmarks only the current run has
 * @param vanished benchmarks only the baseline has
 * @param threshold how much worse a figure may be, as a fraction (0.10 for 10 %)
 */
public record BenchmarkComparison(List<Delta> deltas, List<String> added, List<String> vanished, double threshold) {

    public BenchmarkComparison {
        deltas = List.copyOf(deltas);
        added = List.copyOf(added);
        vanished = List.copyOf(vanished);
    }

    /**
     * Compares {@code current} with {@code baseline}.
     *
     * @param threshold the fraction by which a figure may be worse, such as 0.10
     */
    public static BenchmarkComparison of(
            List<BenchmarkResult> baseline, List<BenchmarkResult> current, double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the benchmark threshold must be 0 % or more, got " + threshold);
        }
        Map<String, BenchmarkResult> before = byName(baseline);
        Map<String, BenchmarkResult> now = byName(current);
        List<Delta> deltas = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (BenchmarkResult result : now.values()) {
            BenchmarkResult old = before.get(result.name());
            if (old == null) {
                added.add(result.name());
                continue;
            }
            deltas.add(Delta.of(result.name(), Figure.SCORE, old.score(), result.score(), threshold));
            if (old.allocation().isPresent() && result.allocation().isPresent()) {
                deltas.add(Delta.of(
                        result.name(),
                        Figure.ALLOCATION,
                        old.allocation().get(),
                        result.allocation().get(),
                        threshold));
            }
        }
        List<String> vanished =
                before.keySet().stream().filter(name -> !now.containsKey(name)).toList();
        return new BenchmarkComparison(deltas, added, vanished, threshold);
    }

    /** The deltas of {@code figure}. */
    public List<Delta> of(Figure figure) {
        return deltas.stream().filter(d -> d.figure() == figure).toList();
    }

    private static Map<String, BenchmarkResult> byName(List<BenchmarkResult> results) {
        Map<String, BenchmarkResult> map = new LinkedHashMap<>();
        results.forEach(result -> map.putIfAbsent(result.name(), result));
        return map;
    }

    /** What is compared: the benchmark's own score, or the bytes it allocates per operation. */
    public enum Figure {
        SCORE("score"),
        ALLOCATION("allocation");

        private final String label;

        Figure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One figure of one benchmark in both runs.
     *
     * @param worseBy how much worse the current figure is, as a fraction (negative: better)
     * @param regressed worse by more than the threshold, with the intervals apart
     * @param comparable whether both runs used the same unit
     */
    public record Delta(
            String name,
            Figure figure,
            Measure baseline,
            Measure current,
            double worseBy,
            boolean regressed,
            boolean comparable) {

        public Delta {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(current, "current");
        }

        static Delta of(String name, Figure figure, Measure baseline, Measure current, double threshold) {
            if (!baseline.unit().equals(current.unit()) || baseline.lowerIsBetter() != current.lowerIsBetter()) {
                return new Delta(name, figure, baseline, current, Double.NaN, false, false);
            }
            double worse = current.worseBy(baseline);
            boolean regressed = worse > threshold && current.worseBeyondNoise(baseline);
            return new Delta(name, figure, baseline, current, worse, regressed, true);
        }

        /** {@code name score +35.2 % (900.0 ± 10.0 ns/op → 1234.0 ± 12.0 ns/op), slower beyond noise}. */
        public String describe() {
            String what = name + " " + figure.label();
            if (!comparable) {
                return what + ": not comparable, " + baseline.unit() + " in the baseline and " + current.unit()
                        + " now";
            }
            String verdict;
            if (regressed) {
                verdict = figure == Figure.SCORE ? "slower beyond the noise" : "allocates more beyond the noise";
            } else if (current.worseBeyondNoise(baseline)) {
                verdict = "worse, within the threshold";
            } else if (baseline.worseBeyondNoise(current)) {
                verdict = "better";
            } else {
                verdict = "within the noise";
            }
            return String.format(
                    Locale.ROOT,
                    "%s %+.1f %% (%s → %s), %s",
                    what,
                    worseBy * 100,
                    baseline.describe(),
                    current.describe(),
                    verdict);
        }

        public Optional<Double> percent() {
            return comparable ? Optional.of(worseBy * 100) : Optional.empty();
        }
    }
}
