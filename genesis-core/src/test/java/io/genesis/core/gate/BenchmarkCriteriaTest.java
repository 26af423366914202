package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.policy.Environments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class BenchmarkCriteriaTest {

    private static GateRequest.Builder request() throws URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(
                        BenchmarkCriteriaTest.class.getClassLoader().getResource(""))
                .toURI());
        return GateRequest.builder(Environments.defaults().named("staging"), root)
                .testReports("reports/surefire/*.xml")
                .coverageReports("reports/jacoco/jacoco.xml");
    }

    private static Criterion criterion(GateVerdict verdict, String name) {
        return verdict.criteria().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + name + " in " + verdict.criteria()));
    }

    @Test
    void shouldFailOnARegressionBeyondTheNoiseAndPrintEveryDelta() throws Exception {
        GateVerdict verdict = Gate.evaluate(request()
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
        GateVerdict verdict = Gate.evaluate(request()
                .benchmarkReports("benchmarks/jmh/jmh-current.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());

        assertThat(criterion(verdict, "benchmarks").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(verdict, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "benchmarks.allocation").measured()).hasValue(2);
    }

    @Test
    void shouldPassWhenABenchmarkIsComparedWithItselfAndAcceptAHigherThreshold() throws Exception {
        GateVerdict same = Gate.evaluate(request()
                .benchmarkReports("benchmarks/jmh/jmh-baseline.json")
                .benchmarkBaseline("benchmarks/jmh/jmh-baseline.json")
                .build());

        assertThat(criterion(same, "benchmarks").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(criterion(same, "benchmarks.allocation").status()).isEqualTo(CriterionStatus.PASSED);
    }

    @Test
    void shouldFailWithoutABaselineNeverPass() throws Exception {
        GateVerdict verdict = Gate.evaluate(
                request().benchmarkReports("benchmarks/jmh/jmh-current.json").build());

        assertThat(criterion(verdict, "benchmarks").status()).isEqualTo(CriterionStatus.FAILED);
        assertThat(criterion(verdict, "benchmarks").message()).contains("no baseline to compare them with");
        assertThat(verdict.verdict()).isEqualTo(Verdict.FAILED);
    }
}
