package io.genesis.core.gate;

import io.genesis.core.gate.benchmarks.BenchmarkResult;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark baseline taken from what was recorded rather than from files: the results the gate
 * recorded for the commit of the version that runs in the environment now. When nothing was
 * recorded, {@code results} is empty and {@code description} says what was looked for, so that the
 * gate can say why it has no baseline (missing data never passes).
 *
 * @param description where the results come from, or why there are none, for the gate's lines
 * @param results the recorded benchmarks; empty when none were found
 */
public record RecordedBaseline(String description, List<BenchmarkResult> results) {

    public RecordedBaseline {
        Objects.requireNonNull(description, "description");
        results = List.copyOf(results);
    }

    /** No recorded baseline, and why. */
    public static RecordedBaseline none(String why) {
        return new RecordedBaseline(why, List.of());
    }

    /** Whether benchmarks were found. */
    public boolean found() {
        return !results.isEmpty();
    }
}
