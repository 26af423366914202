package io.genesis.core.gate.benchmarks;

import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark of a run: its name (with its parameters and mode, so that each variant is compared
 * with the same variant), its score and, where the tool measured it, its allocation per operation.
 *
 * @param name such as {@code com.example.PriceFormat.joined [items=64] avgt}
 * @param score the primary measure
 * @param allocation bytes allocated per operation (JMH {@code gc.alloc.rate.norm}), when measured
 */
public record BenchmarkResult(String name, Measure score, Optional<Measure> allocation) {

    public BenchmarkResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(allocation, "allocation");
    }
}
