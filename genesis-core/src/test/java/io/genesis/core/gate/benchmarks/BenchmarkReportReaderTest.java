package io.genesis.core.gate.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkReportReaderTest {

    private static final BenchmarkReportReader READER = new BenchmarkReportReader(ReadLimits.DEFAULT);

    static List<BenchmarkResult> read(String relative) throws URISyntaxException, ReportException {
        Path fixtures = Path.of(Objects.requireNonNull(
                        BenchmarkReportReaderTest.class.getClassLoader().getResource("benchmarks"))
                .toURI());
        return READER.read(fixtures.resolve(relative), relative);
    }

    static BenchmarkResult named(List<BenchmarkResult> results, String name) {
        return results.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + results));
    }

    @Test
    void shouldReadJmhsScoreIntervalAndAllocationAsItPrintedThem() throws Exception {
        List<BenchmarkResult> results = read("jmh/jmh-baseline.json");

        assertThat(results).hasSize(4);
        BenchmarkResult joined = named(results, "com.example.bench.PriceFormat.joined [items=64] avgt");
        // JMH printed: PriceFormat.joined 64 avgt 5 83220.709 ± 76768.835 ns/op, and 1760.443 ± 0.396 B/op
        assertThat(joined.score().score()).isCloseTo(83220.709, within(0.001));
        assertThat((joined.score().high() - joined.score().low()) / 2).isCloseTo(76768.835, within(0.001));
        assertThat(joined.score().unit()).isEqualTo("ns/op");
        assertThat(joined.score().lowerIsBetter()).isTrue();
        assertThat(joined.allocation()).hasValueSatisfying(a -> {
            assertThat(a.score()).isCloseTo(1760.443, within(0.001));
            assertThat(a.unit()).isEqualTo("B/op");
        });
    }

    @Test
    void shouldReadPytestBenchmarksMeanWithANinetyNinePointNineIntervalFromItsStandardError() throws Exception {
        List<BenchmarkResult> results = read("pytest-benchmark/pytest-benchmark-baseline.json");

        BenchmarkResult format = named(results, "tests/test_prices.py::test_format_prices");
        assertThat(format.score().unit()).isEqualTo("s");
        assertThat(format.score().hasInterval()).isTrue();
        assertThat(format.score().low()).isLessThan(format.score().score());
        assertThat(results).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty||the file is empty",
                "not JSON|benchmark|not well-formed JSON",
                "truncated|[{\"benchmark\":\"a\",\"primaryMetric\":{\"score\":|truncated",
                "score as a string|[{\"benchmark\":\"a\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":\"12\"}}]|primaryMetric.score must be a number, found a string",
                "no primary metric|[{\"benchmark\":\"a\"}]|needs \"benchmark\" and \"primaryMetric\"",
                "no benchmarks|{\"machine_info\":{}}|it has no \"benchmarks\"",
                "two documents|[] []|more than one JSON document"
            })
    void shouldRefuseBrokenBenchmarkFilesWithWhereAndTheFix(String name, String content, String expected) {
        assertThatThrownBy(() -> READER.read(
                        new ByteArrayInputStream((content == null ? "" : content).getBytes(UTF_8)), "bench.json"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("cannot read bench.json")
                .hasMessageContaining(expected)
                .hasMessageContaining("; fix: ");
    }
}
