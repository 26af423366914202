package io.genesis.benchmarks.scrape;

import io.genesis.core.monitor.scrape.ExpositionFormat;
import io.genesis.core.monitor.scrape.ExpositionParser;
import io.genesis.core.monitor.scrape.ScrapeLimits;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation parses one whole exposition held in memory: ours ({@code genesis}, text 0.0.4, and
 * {@code genesisOpenMetrics}) against Hawkular's prometheus-scraper ({@code hawkular}, text only), the
 * one Java parser of the format found on Maven Central. The exposition is written by Prometheus' Java
 * client from a registry of {@link #series} series: counters with two labels and classic histograms
 * (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrapeParserBenchmark {

    /** About how many sample lines the exposition holds. */
    @Param({"10000"})
    public int series;

    private byte[] text;
    private byte[] openMetrics;
    private int counters;
    private int histograms;
    /** Labels seen, so that delivering each sample's labels cannot be optimised away. */
    private long labelsSeen;

    /** Writes the exposition in both formats, and checks that both parsers read every sample of it. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter requests = Counter.builder()
                .name("http_requests_total")
                .help("requests")
                .labelNames("handler", "code")
                .register(registry);
        Histogram latency = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("latency")
                .labelNames("handler")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        // Half the lines are counters, half histograms (11 buckets + +Inf + count + sum = 14 lines each).
        int handlers = series / 2 / 5;
        counters = handlers * 5;
        histograms = series / 2 / 14;
        for (int h = 0; h < handlers; h++) {
            for (String code : new String[] {"200", "301", "404", "500", "503"}) {
                requests.labelValues("/api/v1/item/" + h, code).inc(h + 1);
            }
        }
        for (int h = 0; h < histograms; h++) {
            latency.labelValues("/api/v1/item/" + h).observe(0.001 * (h % 100));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        text = out.toByteArray();
        out.reset();
        OpenMetricsTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        openMetrics = out.toByteArray();
        // Each parser must read the whole exposition: ours every sample line, Hawkular's every metric (a
        // histogram is one metric with its buckets).
        require("genesis", genesis(), counters + histograms * 14);
        require("genesisOpenMetrics", genesisOpenMetrics(), counters + histograms * 14);
        require("hawkular", hawkular(), counters + histograms);
    }

    private static void require(String parser, int read, int expected) {
        if (read != expected) {
            throw new IllegalStateException(parser + " read " + read + " of the exposition's " + expected);
        }
    }

    /**
     * Our parser on the text format, every sample delivered with its labels.
     *
     * @return the samples read, so the work cannot be optimised away
     * @throws IOException never: the input is in memory
     */
    @Benchmark
    public int genesis() throws IOException {
        long[] labels = {0};
        int samples = ExpositionParser.parse(
                new ByteArrayInputStream(text),
                "benchmark",
                ExpositionFormat.TEXT,
                ScrapeLimits.DEFAULTS,
                (String name, Map<String, String> set, double value) -> labels[0] += set.size());
        labelsSeen += labels[0];
        return samples;
    }

    /**
     * Our parser on the same registry written as OpenMetrics.
     *
     * @return the samples read
     * @throws IOException never: the input is in memory
     */
    @Benchmark
    public int genesisOpenMetrics() throws IOException {
        return ExpositionParser.parse(
                new ByteArrayInputStream(openMetrics),
                "benchmark",
                ExpositionFormat.OPENMETRICS,
                ScrapeLimits.DEFAULTS,
                (name, labels, value) -> labelsSeen += labels.size());
    }

    /**
     * Hawkular's prometheus-scraper 0.23.0.Final on the text format: every metric family with its
     * metrics, counted.
     *
     * @return the metrics read
     * @throws IOException never: the input is in memory
     */
    @Benchmark
    public int hawkular() throws IOException {
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(new ByteArrayInputStream(text));
        int count = 0;
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            count += family.getMetrics().size();
        }
        return count;
    }
}
