package io.genesis.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverageReportReaderTest extends ReportReaderContract<CoverageTotals> {

    @Override
    ReportReader<CoverageTotals> reader(ReadLimits limits) {
        return new CoverageReportReader(limits);
    }

    @Override
    String validReport() {
        return "<?xml version=\"1.0\"?>\n<report name=\"r\">\n<counter type=\"LINE\" missed=\"1\" covered=\"9\"/>\n</report>\n";
    }

    @Override
    String rootElement() {
        return "report";
    }

    @Override
    void assertValidReading(CoverageTotals totals) {
        assertThat(totals.get(CoverageMetric.LINE)).contains(new CoverageCounter(9, 1));
    }

    @Test
    void shouldReadCoberturaToo() throws ReportException {
        CoverageTotals totals = read("<coverage lines-valid=\"10\" lines-covered=\"7\"/>");

        assertThat(totals.get(CoverageMetric.LINE)).contains(new CoverageCounter(7, 3));
    }

    @Test
    void shouldNameBothFormatsWhenTheRootIsNeither() {
        assertThat(failure("<testsuite/>").getMessage())
                .contains("neither JaCoCo's <report> nor Cobertura's <coverage>");
    }
}
