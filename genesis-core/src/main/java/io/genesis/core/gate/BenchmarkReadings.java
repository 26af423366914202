package io.genesis.core.gate;

import io.genesis.core.gate.benchmarks.BenchmarkResult;
import java.util.List;

/**
 * The benchmark results read for a gate: this run's and the baseline's.
 *
 * @param files how many benchmark files were read, both runs together
 * @param current this run's benchmarks
 * @param baseline the baseline's benchmarks
 */
public record BenchmarkReadings(int files, List<BenchmarkResult> current, List<BenchmarkResult> baseline) {

    public static final BenchmarkReadings NONE = new BenchmarkReadings(0, List.of(), List.of());

    public BenchmarkReadings {
        current = List.copyOf(current);
        baseline = List.copyOf(baseline);
    }
}
