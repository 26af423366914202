package io.genesis.core.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpositionParserTest {

    private static final String SOURCE = "http://127.0.0.1:9/metrics";

    record Sample(String name, Map<String, String> labels, double value) {}

    private static List<Sample> parse(String text, ExpositionFormat format) throws IOException {
        return parse(text.getBytes(StandardCharsets.UTF_8), format, ScrapeLimits.DEFAULTS);
    }

    private static List<Sample> parse(byte[] bytes, ExpositionFormat format, ScrapeLimits limits) throws IOException {
        List<Sample> samples = new ArrayList<>();
        ExpositionParser.parse(
                new ByteArrayInputStream(bytes),
                SOURCE,
                format,
                limits,
                (name, labels, value) -> samples.add(new Sample(name, labels, value)));
        return samples;
    }

    @Test
    void shouldReadTheTextFormatWithCommentsEscapesAndTimestamps() throws IOException {
        List<Sample> samples = parse("""
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400",} 3 1395066363000

                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
                metric_without_timestamp_and_labels 12.47
                something_weird{problem="division by zero"} +Inf -3982045
                """, ExpositionFormat.TEXT);

        assertThat(samples).hasSize(5);
        assertThat(samples.get(0))
                .isEqualTo(new Sample("http_requests_total", Map.of("method", "post", "code", "200"), 1027));
        assertThat(samples.get(1).labels()).containsEntry("code", "400");
        assertThat(samples.get(2).labels())
                .containsEntry("path", "C:\\DIR\\FILE.TXT")
                .containsEntry("error", "Cannot find file:\n\"FILE.TXT\"");
        assertThat(samples.get(2).value()).isEqualTo(1.458255915e9);
        assertThat(samples.get(3)).isEqualTo(new Sample("metric_without_timestamp_and_labels", Map.of(), 12.47));
        assertThat(samples.get(4).value()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldReadOpenMetricsWithExemplarsCreatedAndEof() throws IOException {
        List<Sample> samples = parse("""
                # TYPE http_request_duration_seconds histogram
                # UNIT http_request_duration_seconds seconds
                http_request_duration_seconds_bucket{le="0.1"} 8 # {trace_id="KOO5S4vxi0o"} 0.067 1.6e9
                http_request_duration_seconds_bucket{le="+Inf"} 10 # {trace_id="oHg5SJYRHA0"} 9.8
                http_request_duration_seconds_count 10
                http_request_duration_seconds_sum 3.2
                http_request_duration_seconds_created 1.6e9
                # TYPE requests counter
                requests_total 7 1.6e9
                requests_created 1.6e9
                # EOF
                """, ExpositionFormat.OPENMETRICS);

        assertThat(samples)
                .extracting(Sample::name)
                .contains("http_request_duration_seconds_created", "requests_total");
        assertThat(samples.get(0).labels()).containsExactly(Map.entry("le", "0.1"));
        assertThat(samples.get(1).value()).isEqualTo(10);
    }

    @Test
    void shouldReadQuotedUtf8NamesOfNewerExporters() throws IOException {
        List<Sample> samples =
                parse("{\"my.requests\",\"service.name\"=\"shop\",code=\"500\"} 4\n", ExpositionFormat.TEXT);

        assertThat(samples)
                .containsExactly(new Sample("my.requests", Map.of("service.name", "shop", "code", "500"), 4));
    }

    @Test
    void shouldAskOnlyForWantedNamesButStillCheckTheRest() throws IOException {
        List<Sample> samples = new ArrayList<>();
        SampleSink sink = new SampleSink() {
            @Override
            public boolean wants(String name) {
                return name.equals("b");
            }

            @Override
            public void sample(String name, Map<String, String> labels, double value) {
                samples.add(new Sample(name, labels, value));
            }
        };
        ExpositionParser.parse(
                new ByteArrayInputStream("a 1\nb{x=\"y\"} 2\n".getBytes(StandardCharsets.UTF_8)),
                SOURCE,
                ExpositionFormat.TEXT,
                ScrapeLimits.DEFAULTS,
                sink);
        assertThat(samples).containsExactly(new Sample("b", Map.of("x", "y"), 2));

        assertThatThrownBy(() -> ExpositionParser.parse(
                        new ByteArrayInputStream("a{x=\"y\" 1\n".getBytes(StandardCharsets.UTF_8)),
                        SOURCE,
                        ExpositionFormat.TEXT,
                        ScrapeLimits.DEFAULTS,
                        sink))
                .isInstanceOf(ExpositionException.class)
                .hasMessageContaining("line 1 column 8");
    }

    @Test
    void shouldRefuseOpenMetricsThatWasCutShort() {
        assertThatThrownBy(() -> parse("# TYPE a counter\na_total 1\n", ExpositionFormat.OPENMETRICS))
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("without its closing '# EOF' (after line 2)");
    }

    @Test
    void shouldRefuseTextAfterEof() {
        assertThatThrownBy(() -> parse("a_total 1\n# EOF\nb 2\n", ExpositionFormat.OPENMETRICS))
                .hasMessageContaining("line 3")
                .hasMessageContaining("text after '# EOF'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1d", "2f", "Infinity", "1e", "1.2.3", "--1", "one", ""})
    void shouldRefuseNumbersGoWouldNotRead(String number) {
        assertThatThrownBy(() -> parse("a " + number + "\n", ExpositionFormat.TEXT))
                .isInstanceOf(ExpositionException.class)
                .hasMessageContaining(SOURCE + " line 1 column 3")
                .hasMessageContaining("a number such as");
    }

    @Test
    void shouldReadEveryNumberShapeOfTheFormat() throws IOException {
        assertThat(parse("a 1\na -2.5\na .5\na 5.\na 1e-3\na 1E+3\na NaN\na -Inf\na Inf\n", ExpositionFormat.TEXT))
                .extracting(Sample::value)
                .containsExactly(
                        1.0, -2.5, 0.5, 5.0, 1e-3, 1e3, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldRefuseMalformedLabelsAtTheirColumn() {
        assertThatThrownBy(() -> parse("a{x=\"1\",x=\"2\"} 1\n", ExpositionFormat.TEXT))
                .hasMessageContaining("label 'x' twice");
        assertThatThrownBy(() -> parse("a{x=\"1} 1\n", ExpositionFormat.TEXT))
                .hasMessageContaining("inside a quoted value");
        assertThatThrownBy(() -> parse("a{x=1} 1\n", ExpositionFormat.TEXT))
                .hasMessageContaining("line 1 column 5")
                .hasMessageContaining("expected '\"'");
        assertThatThrownBy(() -> parse("a{1x=\"1\"} 1\n", ExpositionFormat.TEXT))
                .hasMessageContaining("a label name");
        assertThatThrownBy(() -> parse("a\n", ExpositionFormat.TEXT)).hasMessageContaining("expected ' '");
        assertThatThrownBy(() -> parse("a 1 2 3\n", ExpositionFormat.TEXT)).hasMessageContaining("column 7");
        assertThatThrownBy(() -> parse("{x=\"1\"} 1\n", ExpositionFormat.TEXT))
                .hasMessageContaining("without a metric name");
        assertThatThrownBy(() -> parse("a\u0000b 1\n", ExpositionFormat.TEXT)).hasMessageContaining("\\u0000");
    }

    @Test
    void shouldRefuseALineOverTheBoundBeforeHoldingItWhole() {
        ScrapeLimits limits = new ScrapeLimits(1 << 20, 100, 10, 4);
        byte[] body = ("a{x=\"" + "v".repeat(100_000) + "\"} 1\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(body, ExpositionFormat.TEXT, limits))
                .hasMessageContaining(SOURCE + " line 1 is longer than 100 characters");
    }

    @Test
    void shouldRefuseMoreSeriesLabelsOrBytesThanTheLimits() {
        ScrapeLimits limits = new ScrapeLimits(200, 1000, 3, 2);

        assertThatThrownBy(() ->
                        parse("a 1\nb 1\nc 1\nd 1\n".getBytes(StandardCharsets.UTF_8), ExpositionFormat.TEXT, limits))
                .hasMessageContaining("more than 3 samples (line 4)");
        assertThatThrownBy(() -> parse(
                        "a{x=\"1\",y=\"2\",z=\"3\"} 1\n".getBytes(StandardCharsets.UTF_8),
                        ExpositionFormat.TEXT,
                        limits))
                .hasMessageContaining("more than 2 labels");
        assertThatThrownBy(() -> parse(
                        ("# " + "c".repeat(300) + "\n").getBytes(StandardCharsets.UTF_8),
                        ExpositionFormat.TEXT,
                        limits))
                .hasMessageContaining("more than 200 bytes");
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8() {
        byte[] body = {'a', '{', 'x', '=', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ' ', '1', '\n'};

        assertThatThrownBy(() -> parse(body, ExpositionFormat.TEXT, ScrapeLimits.DEFAULTS))
                .hasMessageContaining(SOURCE + " line 1 is not UTF-8");
    }

    @Test
    void shouldNameTheFormatsByContentType() {
        assertThat(ExpositionFormat.ofContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"))
                .contains(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.ofContentType("text/plain; version=0.0.4")).contains(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.ofContentType(null)).contains(ExpositionFormat.TEXT);
        assertThat(ExpositionFormat.ofContentType("text/html")).isEmpty();
    }
}
