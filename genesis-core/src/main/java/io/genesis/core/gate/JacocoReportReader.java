package io.genesis.core.gate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads JaCoCo's XML report ({@code jacoco.xml}).
 *
 * <p>JaCoCo writes {@code <counter>} elements at method, class, source file, package, group and
 * report level; each level already holds the sum of the one below, so adding up every counter
 * counts the same code several times. The totals are the counters directly inside
 * {@code <report>}. When a report lacks them, the counters directly inside each
 * {@code <package>} are added up instead: a package's line counter is computed from its source
 * files, where a line shared by two classes counts once, so the packages add up to the report
 * total, while adding up classes could count such a line twice.
 */
public final class JacocoReportReader extends StaxReportReader<CoverageTotals> {

    public JacocoReportReader() {
        this(ReadLimits.DEFAULT);
    }

    public JacocoReportReader(ReadLimits limits) {
        super(limits);
    }

    @Override
    CoverageTotals parse(XmlCursor cursor) throws XMLStreamException, ReportException {
        String root = cursor.root();
        if (!"report".equals(root)) {
            throw cursor.error(
                    "its root element is <" + root + ">, not JaCoCo's <report>",
                    "point the pattern at jacoco.xml (the XML report, not jacoco.exec or the HTML/CSV report)");
        }
        return readReport(cursor);
    }

    /** Reads on from the {@code <report>} start tag. */
    static CoverageTotals readReport(XmlCursor cursor) throws XMLStreamException, ReportException {
        Map<CoverageMetric, CoverageCounter> reportLevel = new EnumMap<>(CoverageMetric.class);
        Map<CoverageMetric, CoverageCounter> packageLevel = new EnumMap<>(CoverageMetric.class);
        Deque<String> open = new ArrayDeque<>();
        open.push("report");
        while (!open.isEmpty()) {
            int event = cursor.next();
            if (event == XMLStreamConstants.END_DOCUMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                open.pop();
                continue;
            }
            String name = cursor.localName();
            switch (name) {
                case "class", "sourcefile", "sessioninfo" -> cursor.skipElement();
                case "counter" -> {
                    String parent = open.peek();
                    if ("report".equals(parent)) {
                        readCounter(cursor, reportLevel, true);
                    } else if ("package".equals(parent)) {
                        readCounter(cursor, packageLevel, false);
                    }
                    cursor.skipElement();
                }
                default -> open.push(name);
            }
        }
        cursor.finish();
        return new CoverageTotals(reportLevel.isEmpty() ? packageLevel : reportLevel);
    }

    private static void readCounter(XmlCursor cursor, Map<CoverageMetric, CoverageCounter> into, boolean unique)
            throws ReportException {
        String type = cursor.attribute("type");
        if (type == null) {
            throw cursor.error("a <counter> has no type attribute", "regenerate the report with JaCoCo");
        }
        CoverageMetric metric;
        try {
            metric = CoverageMetric.valueOf(type);
        } catch (IllegalArgumentException e) {
            // A counter type from a newer JaCoCo is not gated, so it is passed over.
            return;
        }
        long missed = cursor.count("missed");
        long covered = cursor.count("covered");
        if (missed < 0 || covered < 0) {
            throw cursor.error(
                    "the " + type + " <counter> lacks its missed or covered attribute",
                    "regenerate the report with JaCoCo");
        }
        CoverageCounter counter = new CoverageCounter(covered, missed);
        if (unique && into.containsKey(metric)) {
            throw cursor.error(
                    "the report has two " + type + " totals",
                    "regenerate the report with JaCoCo; do not merge files by hand");
        }
        into.merge(metric, counter, CoverageCounter::plus);
    }
}
