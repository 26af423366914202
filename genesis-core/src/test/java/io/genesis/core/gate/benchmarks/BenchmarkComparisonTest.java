package io.genesis.core.gate.benchmarks;

import static io.genesis.core.gate.benchmarks.BenchmarkReportReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.gate.benchmarks.BenchmarkComparison.Delta;
import io.genesis.core.gate.benchmarks.BenchmarkComparison.Figure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkComparisonTest {

    private static Measure time(double score, double error) {
        return new Measure(score, score - error, score + error, "ns/op", true, true);
    }

    private static Delta compare(Measure baseline, Measure current) {
        BenchmarkComparison comparison = BenchmarkComparison.of(
                List.of(new BenchmarkResult("b", baseline, Optional.empty())),
                List.of(new BenchmarkResult("b", current, Optional.empty())),
                0.10);
        return comparison.deltas().get(0);
    }

    @ParameterizedTest(name = "{0} ± {1} -> {2} ± {3}: regressed {4}")
    @CsvSource({
        // baseline, error, current, error, regressed
        "100, 1, 111, 1, true", // 11 % slower, intervals apart
        "100, 1, 110, 1, false", // exactly 10 %: not more than the threshold
        "100, 1, 120, 25, false", // 20 % slower, but within the noise
        "100, 5, 112, 6, true", // 95..105 and 106..118: apart
        "100, 5, 112, 8, false", // 95..105 and 104..120: overlap
        "100, 1, 80, 1, false" // faster
    })
    void shouldRegressOnlyBeyondTheThresholdAndTheNoise(
            double base, double baseError, double now, double nowError, boolean regressed) {
        assertThat(compare(time(base, baseError), time(now, nowError)).regressed())
                .isEqualTo(regressed);
    }

    @Test
    void shouldTreatLowerThroughputAsWorse() {
        Measure before = new Measure(1000, 990, 1010, "ops/s", false, true);
        Measure after = new Measure(800, 790, 810, "ops/s", false, true);

        Delta delta = compare(before, after);

        assertThat(delta.regressed()).isTrue();
        assertThat(delta.percent()).hasValueSatisfying(p -> assertThat(p).isEqualTo(20.0));
    }

    @Test
    void shouldRefuseToCompareDifferentUnits() {
        Delta delta = compare(time(100, 1), new Measure(0.1, 0.09, 0.11, "us/op", true, true));

        assertThat(delta.comparable()).isFalse();
        assertThat(delta.describe()).contains("not comparable, ns/op in the baseline and us/op now");
    }

    @Test
    void shouldFindTheRealJmhAllocationRegressionButCallTheTimeNoise() throws Exception {
        BenchmarkComparison comparison =
                BenchmarkComparison.of(read("jmh/jmh-baseline.json"), read("jmh/jmh-current.json"), 0.10);

        // JMH printed joined [items=8]: 18828.226 ± 42484.535 ns/op, then 524254.101 ± 491943.294 ns/op:
        // the intervals overlap on this loaded machine, so it is noise; 286.668 ± 36.682 B/op, then
        // 13146.997 ± 2.720 B/op: apart, so the allocation regressed.
        Delta time = delta(comparison, "com.example.bench.PriceFormat.joined [items=8] avgt", Figure.SCORE);
        Delta allocation = delta(comparison, "com.example.bench.PriceFormat.joined [items=8] avgt", Figure.ALLOCATION);
        assertThat(time.regressed()).isFalse();
        assertThat(time.describe()).endsWith("within the noise");
        assertThat(allocation.regressed()).isTrue();
        assertThat(allocation.describe()).contains("286.7 ± 36.68 B/op → 13147.0 ± 2.720 B/op");
        assertThat(comparison.added()).isEmpty();
        assertThat(comparison.vanished()).isEmpty();
    }

    @Test
    void shouldFindTheRealPytestBenchmarkRegressionAndLeaveTheNoise() throws Exception {
        BenchmarkComparison comparison = BenchmarkComparison.of(
                read("pytest-benchmark/pytest-benchmark-baseline.json"),
                read("pytest-benchmark/pytest-benchmark-current.json"),
                0.10);

        assertThat(delta(comparison, "tests/test_prices.py::test_format_prices", Figure.SCORE)
                        .regressed())
                .isTrue();
        assertThat(delta(comparison, "tests/test_prices.py::test_total", Figure.SCORE)
                        .regressed())
                .isFalse();
    }

    @Test
    void shouldListNewAndVanishedBenchmarks() {
        BenchmarkResult a = new BenchmarkResult("a", time(1, 0.1), Optional.empty());
        BenchmarkResult b = new BenchmarkResult("b", time(1, 0.1), Optional.empty());
        BenchmarkResult c = new BenchmarkResult("c", time(1, 0.1), Optional.empty());

        BenchmarkComparison comparison = BenchmarkComparison.of(List.of(a, b), List.of(b, c), 0.10);

        assertThat(comparison.added()).containsExactly("c");
        assertThat(comparison.vanished()).containsExactly("a");
        assertThat(comparison.deltas()).extracting(Delta::name).containsExactly("b");
    }

    private static Delta delta(BenchmarkComparison comparison, String name, Figure figure) {
        return comparison.of(figure).stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not compared: " + comparison.deltas()));
    }
}
