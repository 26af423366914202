package io.genesis.benchmarks.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genesis.core.gate.CoverageMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhSummaryTest {

    @TempDir
    Path data;

    @BeforeEach
    void writeTotals() throws IOException {
        Path small = data.resolve("small");
        Files.createDirectories(small);
        new ReportSetTotals(
                        1,
                        new ReportSetTotals.SurefireSet(
                                "surefire-reports", 10, 50_000_000, 4, 2, TestTotals.of(100, 1, 1, 1, 1)),
                        new ReportSetTotals.JacocoReport(
                                "jacoco.xml",
                                20_000_000,
                                1,
                                2,
                                3,
                                new CoverageCounts(Map.of(CoverageMetric.LINE, new CoverageCounts.Counter(8, 2)))))
                .write(small);
    }

    @Test
    void shouldDivideInputSizeByTimePerOperation() throws IOException {
        // given 50 MB read in 100 ms (200 ms of CPU) with 25 MB allocated, and 20 MB read in 400 ms
        JsonNode results = new ObjectMapper().readTree("""
                [{"benchmark": "io.genesis.benchmarks.gate.JunitReaderBenchmark.genesis",
                  "params": {"size": "small"},
                  "primaryMetric": {"score": 100.0, "scoreError": 2.0, "scoreUnit": "ms/op"},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 25000000.0, "scoreUnit": "B/op"},
                                       "cpuNanos": {"score": 8000000000.0}, "operations": {"score": 40.0}}},
                 {"benchmark": "io.genesis.benchmarks.gate.JacocoReaderBenchmark.coverageModel",
                  "params": {"size": "small", "stax": "jdk"},
                  "primaryMetric": {"score": 400.0, "scoreError": 8.0, "scoreUnit": "ms/op"},
                  "secondaryMetrics": {}}]
                """);

        // when
        String markdown = JmhSummary.render(results, data);

        // then
        assertThat(markdown)
                .contains(
                        "| JUnit XML | small | 50.0 | Genesis JUnitReportReader | 100 ± 2 | 500 | 200 | 250 | 25 | 0.50 |")
                .contains(
                        "| JaCoCo XML | small | 20.0 | coverage-model 0.66.0 (jdk StAX) | 400 ± 8 | 50 | n/a | n/a | n/a | n/a |")
                .contains("| JUnit XML | Genesis JUnitReportReader | 4.00 | n/a | n/a |");
    }

    @Test
    void shouldRefuseResultsInAnotherUnit() throws IOException {
        JsonNode results = new ObjectMapper().readTree("""
                [{"benchmark": "io.genesis.benchmarks.gate.JunitReaderBenchmark.genesis",
                  "params": {"size": "small"},
                  "primaryMetric": {"score": 10.0, "scoreError": 0.1, "scoreUnit": "ops/s"}}]
                """);

        assertThatThrownBy(() -> JmhSummary.render(results, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reports ops/s; run it in its default mode");
    }
}
