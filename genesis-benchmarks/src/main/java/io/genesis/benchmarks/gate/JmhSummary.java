package io.genesis.benchmarks.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result ({@code -rf json}) of the gate benchmarks into the Markdown tables of
 * docs/performance.md: MB/s is the input's size from {@code totals.json} divided by the mean time
 * per operation (MB = 10^6 bytes), and allocation is {@code gc.alloc.rate.norm} (bytes per
 * operation, from {@code -prof gc}) also shown per input byte.
 *
 * <pre>
 * java -cp genesis-benchmarks/target/benchmarks.jar io.genesis.benchmarks.gate.JmhSummary \
 *      genesis-benchmarks/target/bench-data jmh-gate.json [more results.json...]
 * </pre>
 */
public final class JmhSummary {

    private JmhSummary() {}

    /**
     * Prints the tables.
     *
     * @param args the data folder, then one or more JMH JSON files (later ones win)
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: JmhSummary <data folder> <jmh result.json>...");
        }
        ObjectMapper json = new ObjectMapper();
        // A later run of the same benchmark with the same parameters replaces an earlier one.
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            for (JsonNode result : json.readTree(Paths.get(args[i]).toFile())) {
                latest.put(result.path("benchmark").asText() + result.path("params"), result);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(render(json.valueToTree(latest.values()), Paths.get(args[0])));
    }

    /**
     * The side-by-side table and the scaling table.
     *
     * @param results JMH's JSON result array
     * @param data the folder holding one generated set per size
     * @return Markdown
     * @throws IOException when a set's totals.json cannot be read
     */
    static String render(JsonNode results, Path data) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, ReportSetTotals> sets = new HashMap<>();
        for (JsonNode result : results) {
            String size = result.path("params").path("size").asText();
            ReportSetTotals totals = sets.get(size);
            if (totals == null) {
                totals = ReportSetTotals.read(
                        data.resolve(ReportSetSize.named(size).label()));
                sets.put(size, totals);
            }
            rows.add(Row.of(result, totals));
        }
        rows.sort(Comparator.comparing(Row::format)
                .thenComparing(row -> ReportSetSize.named(row.size()))
                .thenComparing(Row::reader));
        StringBuilder out = new StringBuilder();
        out.append("| format | set | input MB | reader | wall ms/op (± 99.9 %) | MB/s (wall) | CPU ms/op |"
                + " MB per CPU second | allocated MB/op | allocated bytes per input byte |\n");
        out.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.format());
            out.append(" | ").append(row.size());
            out.append(" | ").append(number(row.bytes() / 1e6, "%.1f"));
            out.append(" | ").append(row.reader());
            out.append(" | ").append(number(row.millis(), "%.0f")).append(" ± ");
            out.append(number(row.millisError(), "%.0f"));
            out.append(" | ").append(number(row.bytes() / 1e6 / (row.millis() / 1000), "%.0f"));
            out.append(" | ").append(number(row.cpuMillis(), "%.0f"));
            out.append(" | ").append(number(row.bytes() / 1e6 / (row.cpuMillis() / 1000), "%.0f"));
            double allocated = row.allocatedBytes() < 0 ? Double.NaN : row.allocatedBytes();
            out.append(" | ").append(number(allocated / 1e6, "%.0f"));
            out.append(" | ").append(number(allocated / row.bytes(), "%.2f"));
            out.append(" |\n");
        }
        out.append("\nScaling (CPU ms per input MB, or wall ms where no CPU time was recorded; the same figure at"
                + " every size means time grows linearly):\n\n");
        out.append("| format | reader | small | medium | full |\n");
        out.append("|---|---|---:|---:|---:|\n");
        Map<String, double[]> scaling = new LinkedHashMap<>();
        for (Row row : rows) {
            double[] perSize = scaling.computeIfAbsent(
                    row.format() + " | " + row.reader(), key -> new double[] {Double.NaN, Double.NaN, Double.NaN});
            double millis = Double.isNaN(row.cpuMillis()) ? row.millis() : row.cpuMillis();
            perSize[ReportSetSize.named(row.size()).ordinal()] = millis / (row.bytes() / 1e6);
        }
        for (Map.Entry<String, double[]> entry : scaling.entrySet()) {
            double[] perSize = entry.getValue();
            out.append("| ").append(entry.getKey());
            for (double value : perSize) {
                out.append(" | ").append(number(value, "%.2f"));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    /** One benchmark result with its input size. */
    private record Row(
            String format,
            String size,
            long bytes,
            String reader,
            double millis,
            double millisError,
            double cpuMillis,
            long allocatedBytes) {

        static Row of(JsonNode result, ReportSetTotals totals) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            boolean junit = benchmark.contains("JunitReaderBenchmark");
            JsonNode primary = result.path("primaryMetric");
            if (!"ms/op".equals(primary.path("scoreUnit").asText())) {
                throw new IllegalArgumentException(benchmark + " reports "
                        + primary.path("scoreUnit").asText() + "; run it in its default mode (average time, ms/op)");
            }
            String stax = result.path("params").path("stax").asText("");
            String reader = switch (method) {
                case "genesis" -> junit ? "Genesis JUnitReportReader" : "Genesis JacocoReportReader";
                case "genesisInMemory" ->
                    junit ? "Genesis JUnitReportReader, from memory" : "Genesis JacocoReportReader, from memory";
                case "genesisOnAllCores" -> "Genesis JUnitReportReader, all cores (ReportCollector)";
                case "surefireReportParser" -> "surefire-report-parser 3.5.4";
                case "surefireReportParserInMemory" -> "surefire-report-parser 3.5.4, from memory";
                case "coverageModel" -> "coverage-model 0.66.0 (" + stax + " StAX)";
                default -> method;
            };
            return new Row(
                    junit ? "JUnit XML" : "JaCoCo XML",
                    result.path("params").path("size").asText(),
                    junit ? totals.surefire().bytes() : totals.jacoco().bytes(),
                    reader,
                    primary.path("score").asDouble(),
                    primary.path("scoreError").asDouble(),
                    cpuMillis(result.path("secondaryMetrics")),
                    allocation(result.path("secondaryMetrics")));
        }

        /** CPU time per operation from {@link CpuClock}'s counters, or NaN when they are absent. */
        private static double cpuMillis(JsonNode secondary) {
            double nanos = secondary.path("cpuNanos").path("score").asDouble(Double.NaN);
            double operations = secondary.path("operations").path("score").asDouble(Double.NaN);
            return operations > 0 ? nanos / operations / 1e6 : Double.NaN;
        }

        /** {@code gc.alloc.rate.norm}; older JMH versions put a middle dot before the name. */
        private static long allocation(JsonNode secondary) {
            for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
                if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                    return Math.round(metric.getValue().path("score").asDouble());
                }
            }
            return -1;
        }
    }
}
