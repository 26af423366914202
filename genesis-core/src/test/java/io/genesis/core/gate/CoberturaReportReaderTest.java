package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoberturaReportReaderTest extends ReportReaderContract<CoverageTotals> {

    @Override
    ReportReader<CoverageTotals> reader(ReadLimits limits) {
        return new CoberturaReportReader(limits);
    }

    @Override
    String validReport() {
        return """
                <?xml version="1.0" ?>
                <coverage lines-valid="4" lines-covered="3" line-rate="0.75" branches-valid="2" branches-covered="1" branch-rate="0.5" version="6.5.0">
                  <sources><source>/srv/dev/shop</source></sources>
                  <packages><package name="shop" line-rate="0.75" branch-rate="0.5">
                    <classes><class name="a.py" filename="shop/a.py" line-rate="0.75" branch-rate="0.5">
                      <methods/>
                      <lines>
                        <line number="1" hits="1"/>
                        <line number="2" hits="1" branch="true" condition-coverage="50% (1/2)"/>
                        <line number="3" hits="1"/>
                        <line number="4" hits="0"/>
                      </lines>
                    </class></classes>
                  </package></packages>
                </coverage>
                """;
    }

    @Override
    String rootElement() {
        return "coverage";
    }

    @Override
    void assertValidReading(CoverageTotals totals) {
        assertThat(totals.counters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(3, 1),
                        CoverageMetric.BRANCH, new CoverageCounter(1, 1)));
    }

    @Test
    void shouldTrustCountsOverTruncatedRates() throws ReportException {
        // Istanbul truncates: 13 of 21 is written 0.619, which is not 13/21.
        CoverageTotals totals =
                read("<coverage lines-valid=\"9\" lines-covered=\"6\" line-rate=\"0.6666\" branches-valid=\"21\""
                        + " branches-covered=\"13\" branch-rate=\"0.619\"/>");

        assertThat(totals.get(CoverageMetric.LINE)).contains(new CoverageCounter(6, 3));
        assertThat(totals.get(CoverageMetric.BRANCH)).contains(new CoverageCounter(13, 8));
    }

    @Test
    void shouldCountLinesAndBranchesWhenTheRootHasNoCounts() throws ReportException {
        CoverageTotals totals = read("""
                <coverage line-rate="0.5" branch-rate="0.25">
                  <packages><package name="p"><classes>
                    <class name="A" filename="A.java">
                      <methods><method name="m" hits="3"><lines><line number="1" hits="3"/><line number="2" hits="3"/></lines></method></methods>
                      <lines>
                        <line number="1" hits="3" branch="true" condition-coverage="25% (1/4)"/>
                        <line number="2" hits="0"/>
                      </lines>
                    </class>
                  </classes></package></packages>
                </coverage>
                """);

        assertThat(totals.counters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(1, 1),
                        CoverageMetric.BRANCH, new CoverageCounter(1, 3),
                        CoverageMetric.METHOD, new CoverageCounter(1, 0)));
    }

    @Test
    void shouldCountMethodsWhenTheWriterListsThem() throws ReportException {
        CoverageTotals totals = read("""
                <coverage lines-valid="2" lines-covered="1" branches-valid="0" branches-covered="0">
                  <packages><package name="main"><classes><class name="cart.js" filename="src/cart.js">
                    <methods>
                      <method name="a" hits="4" signature="()V"><lines><line number="4" hits="4"/></lines></method>
                      <method name="b" hits="0" signature="()V"><lines><line number="9" hits="0"/></lines></method>
                    </methods>
                    <lines><line number="4" hits="4"/><line number="9" hits="0"/></lines>
                  </class></classes></package></packages>
                </coverage>
                """);

        assertThat(totals.get(CoverageMetric.METHOD)).contains(new CoverageCounter(1, 1));
        assertThat(totals.get(CoverageMetric.BRANCH)).contains(CoverageCounter.EMPTY);
    }

    @ParameterizedTest
    @CsvSource({
        "'lines-valid=\"-4\" lines-covered=\"1\"', 'lines-valid=\"-4\" of <coverage> is not a non-negative whole number'",
        "'lines-valid=\"four\" lines-covered=\"1\"', 'lines-valid=\"four\" of <coverage> is not a non-negative whole number'",
        "'lines-valid=\"1\" lines-covered=\"2\"', 'lines-covered=2 is more than lines-valid=1'",
        "'lines-valid=\"1\"', 'has lines-valid but not lines-covered'",
        "'branches-covered=\"1\"', 'has branches-covered but not branches-valid'",
        "'line-rate=\"1.5\"', 'line-rate=\"1.5\" of <coverage> is not a rate between 0 and 1'",
        "'branch-rate=\"NaN\"', 'branch-rate=\"NaN\" of <coverage> is not a rate between 0 and 1'",
        "'branch-rate=\"high\"', 'branch-rate=\"high\" of <coverage> is not a rate between 0 and 1'"
    })
    void shouldRejectBrokenRootCounters(String attributes, String expected) {
        assertThat(failure("<coverage " + attributes + "/>").getMessage()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"'50%'", "'50% (3/2)'", "'50% (a/2)'", "'50% (1/)'"})
    void shouldRejectABrokenConditionCoverage(String condition) {
        String xml = "<coverage><packages><package><classes><class><lines><line number=\"1\" hits=\"1\" branch=\"true\""
                + " condition-coverage=\"" + condition
                + "\"/></lines></class></classes></package></packages></coverage>";

        assertThat(failure(xml).getMessage()).contains("is not of the form 'NN% (covered/valid)'");
    }

    @Test
    void shouldRejectALineWithoutHits() {
        String xml = "<coverage><packages><package><classes><class><lines><line number=\"1\"/></lines>"
                + "</class></classes></package></packages></coverage>";

        assertThat(failure(xml).getMessage()).contains("a <line> has no hits attribute");
    }
}
