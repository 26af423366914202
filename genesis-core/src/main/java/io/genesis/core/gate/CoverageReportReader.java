package io.genesis.core.gate;

import javax.xml.stream.XMLStreamException;

/**
 * Reads a coverage report in whichever format it is: JaCoCo ({@code <report>} root) or Cobertura
 * ({@code <coverage>} root), told apart by the root element, so one pattern may match both.
 */
public final class CoverageReportReader extends StaxReportReader<CoverageTotals> {

    public CoverageReportReader() {
        this(ReadLimits.DEFAULT);
    }

    public CoverageReportReader(ReadLimits limits) {
        super(limits);
    }

    @Override
    CoverageTotals parse(XmlCursor cursor) throws XMLStreamException, ReportException {
        String root = cursor.root();
        return switch (root) {
            case "report" -> JacocoReportReader.readReport(cursor);
            case "coverage" -> CoberturaReportReader.readCoverage(cursor);
            default ->
                throw cursor.error(
                        "its root element is <" + root + ">, neither JaCoCo's <report> nor Cobertura's <coverage>",
                        "point the coverage pattern at jacoco.xml or a Cobertura XML file");
        };
    }
}
