package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JacocoReportReaderTest extends ReportReaderContract<CoverageTotals> {

    @Override
    ReportReader<CoverageTotals> reader(ReadLimits limits) {
        return new JacocoReportReader(limits);
    }

    @Override
    String validReport() {
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <report name="shop">
                  <sessioninfo id="localhost-1" start="1" dump="2"/>
                  <package name="com/example">
                    <class name="com/example/A" sourcefilename="A.java">
                      <method name="a" desc="()V" line="3"><counter type="LINE" missed="1" covered="1"/></method>
                      <counter type="LINE" missed="1" covered="1"/>
                    </class>
                    <sourcefile name="A.java"><line nr="3" mi="0" ci="2" mb="0" cb="0"/><counter type="LINE" missed="1" covered="1"/></sourcefile>
                    <counter type="LINE" missed="1" covered="1"/>
                  </package>
                  <counter type="LINE" missed="1" covered="3"/>
                  <counter type="BRANCH" missed="2" covered="2"/>
                </report>
                """;
    }

    @Override
    String rootElement() {
        return "report";
    }

    @Override
    void assertValidReading(CoverageTotals totals) {
        // The report-level counters win over everything below them.
        assertThat(totals.counters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(3, 1),
                        CoverageMetric.BRANCH, new CoverageCounter(2, 2)));
    }

    @Test
    void shouldAddUpPackagesWhenTheReportHasNoTotals() throws ReportException {
        CoverageTotals totals = read("""
                <report name="r">
                  <group name="g">
                    <package name="a">
                      <class name="a/A"><counter type="LINE" missed="9" covered="9"/></class>
                      <counter type="LINE" missed="1" covered="4"/>
                      <counter type="METHOD" missed="0" covered="2"/>
                    </package>
                    <counter type="LINE" missed="7" covered="7"/>
                  </group>
                  <package name="b"><counter type="LINE" missed="2" covered="3"/></package>
                </report>
                """);

        assertThat(totals.counters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CoverageMetric.LINE, new CoverageCounter(7, 3),
                        CoverageMetric.METHOD, new CoverageCounter(2, 0)));
    }

    @Test
    void shouldGetTheSameTotalsFromPackagesAsFromTheRealReportsTotals() throws Exception {
        String real = fixture("reports/jacoco/jacoco.xml");
        int end = real.lastIndexOf("</package>") + "</package>".length();
        String withoutTotals = real.substring(0, end) + "</report>";

        assertThat(read(withoutTotals)).isEqualTo(read(real));
        assertThat(read(real).get(CoverageMetric.LINE)).contains(new CoverageCounter(69, 13));
    }

    @Test
    void shouldReturnNothingForAnEmptyReport() throws ReportException {
        assertThat(read("<report name=\"empty\"/>").isEmpty()).isTrue();
    }

    @Test
    void shouldPassOverCounterTypesItDoesNotKnow() throws ReportException {
        CoverageTotals totals = read(
                "<report><counter type=\"FUTURE\" missed=\"1\" covered=\"1\"/><counter type=\"CLASS\" missed=\"0\" covered=\"2\"/></report>");

        assertThat(totals.counters()).containsOnlyKeys(CoverageMetric.CLASS);
    }

    @ParameterizedTest
    @CsvSource({
        "'type=\"LINE\" missed=\"-3\" covered=\"1\"', 'missed=\"-3\" of <counter> is not a non-negative whole number'",
        "'type=\"LINE\" missed=\"x\" covered=\"1\"', 'missed=\"x\" of <counter> is not a non-negative whole number'",
        "'type=\"LINE\" covered=\"1\"', 'lacks its missed or covered attribute'",
        "'missed=\"1\" covered=\"1\"', 'has no type attribute'"
    })
    void shouldRejectBrokenCounters(String attributes, String expected) {
        assertThat(failure("<report><counter " + attributes + "/></report>").getMessage())
                .contains(expected);
    }

    @Test
    void shouldRejectATotalGivenTwice() {
        String xml = "<report><counter type=\"LINE\" missed=\"1\" covered=\"1\"/>"
                + "<counter type=\"LINE\" missed=\"1\" covered=\"1\"/></report>";

        assertThat(failure(xml).getMessage()).contains("two LINE totals");
    }

    @Test
    void shouldRejectACoberturaFile() {
        assertThat(failure("<coverage lines-valid=\"1\" lines-covered=\"1\"/>").getMessage())
                .contains("not JaCoCo's <report>");
    }

    static String fixture(String resource) throws IOException {
        try (InputStream in = JacocoReportReaderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
