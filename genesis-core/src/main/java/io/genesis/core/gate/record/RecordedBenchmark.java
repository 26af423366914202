package io.genesis.core.gate.record;

import io.genesis.core.gate.benchmarks.BenchmarkResult;
import io.genesis.core.gate.benchmarks.Measure;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark as a gate record keeps it: the stored form of {@link BenchmarkResult}, whose
 * optional allocation the engine's JSON does not write.
 *
 * @param name the benchmark with its parameters and mode
 * @param score its primary measure
 * @param allocation bytes per operation, or {@code null} when not measured
 */
public record RecordedBenchmark(String name, Measure score, Measure allocation) {

    public RecordedBenchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
    }

    static RecordedBenchmark of(BenchmarkResult result) {
        return new RecordedBenchmark(
                result.name(), result.score(), result.allocation().orElse(null));
    }

    /** The result to compare with. */
    public BenchmarkResult result() {
        return new BenchmarkResult(name, score, Optional.ofNullable(allocation));
    }
}
