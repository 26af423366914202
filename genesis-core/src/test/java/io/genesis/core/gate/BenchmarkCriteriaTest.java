package io.genesis.core.gate;

import static io.genesis.core.gate.GateFixtures.criterion;
import static io.genesis.core.gate.GateFixtures.onFixtureReports;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkCriteriaTest {

    @Test
    void shouldFailOnARegressionBeyondTheNoiseAndPrintEveryDelta() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .benchmarkReports("benchmarks/pytest-benchmark/pytest-benchmark-current.json")
                .benchmarkBaseline("benchmarks/pytest-benchmark/pytest-benchmark-baseline.json")
                .build());

        Criterion benchmarks = criterion(verdict, "benchmarks");
        assertThat(benchmarks.status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(benchmarks.kind()).isEqualTo(CriterionKind.BENCHMARKS);
        assertThat(benchmarks.message())
                .startsWith("1 of 2 benchmarks worse than the baseline by more than 10.0 % beyond the noise for"
                        + " staging: tests/test_prices.py::test_format_prices score +");
        assertThat(verdict.notes())
                .anySatisfy(note -> assertThat(note).startsWith("benchmark tests/test_prices.py::test_total score"))
                .anySatisfy(note ->
                        assertThat(note).startsWith("benchmark tests/test_prices.py::test_format_prices score"));
    }

    @Test
    void shouldGateAllocationApartFromTime() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .benchmarkReports("benchmarks/jmh/jmh-current.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());

        assertThat(criterion(verdict, "benchmarks").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(verdict, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "benchmarks.allocation").measured()).hasValue(2);
    }

    @Test
    void shouldPassWhenABenchmarkIsComparedWithItselfAndAcceptAHigherThreshold() throws Exception {
        GateVerdict same = Gate.evaluate(onFixtureReports("staging")
                .benchmarkReports("benchmarks/jmh/jmh-baseline.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());

        assertThat(criterion(same, "benchmarks").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(same, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.PASSED);
    }

    @Test
    void shouldFailWithoutABaselineNeverPass() throws Exception {
        GateVerdict verdict = Gate.evaluate(onFixtureReports("staging")
                .benchmarkReports("benchmarks/jmh/jmh-current.json")
                .build());

        assertThat(criterion(verdict, "benchmarks").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "benchmarks").message()).contains("no baseline to compare them with");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }
}
