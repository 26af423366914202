package io.genesis.core.gate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads Cobertura XML as coverage.py and Istanbul (Jest, nyc) write it.
 *
 * <p>Line and branch counts come from the root's {@code lines-covered}/{@code lines-valid} and
 * {@code branches-covered}/{@code branches-valid}: both tools write them, and the rates beside them
 * are rounded (Istanbul even truncates), so counts are never derived from rates. Rates are only
 * checked to be between 0 and 1. A file without the count attributes (older Cobertura writers) is
 * counted from its {@code <line>} elements instead: a line with {@code hits > 0} is covered, and a
 * branch line's {@code condition-coverage="50% (1/2)"} gives its branches. Methods are counted from
 * {@code <method>} elements with {@code hits}, when a writer lists them (Istanbul does;
 * coverage.py does not).
 */
public final class CoberturaReportReader extends StaxReportReader<CoverageTotals> {

    public CoberturaReportReader() {
        this(ReadLimits.DEFAULT);
    }

    public CoberturaReportReader(ReadLimits limits) {
        super(limits);
    }

    @Override
    CoverageTotals parse(XmlCursor cursor) throws XMLStreamException, ReportException {
        String root = cursor.root();
        if (!"coverage".equals(root)) {
            throw cursor.error(
                    "its root element is <" + root + ">, not Cobertura's <coverage>",
                    "point the pattern at the Cobertura XML file (coverage.xml, cobertura-coverage.xml)");
        }
        return readCoverage(cursor);
    }

    /** Reads on from the {@code <coverage>} start tag. */
    static CoverageTotals readCoverage(XmlCursor cursor) throws XMLStreamException, ReportException {
        CoverageCounter declaredLines = declared(cursor, "lines-covered", "lines-valid");
        CoverageCounter declaredBranches = declared(cursor, "branches-covered", "branches-valid");
        cursor.rate("line-rate");
        cursor.rate("branch-rate");
        boolean countLines = declaredLines == null || declaredBranches == null;
        Counts counts = new Counts();
        Deque<String> open = new ArrayDeque<>();
        open.push("coverage");
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
            String parent = open.peek();
            if ("method".equals(name) && "methods".equals(parent)) {
                long hits = requireHits(cursor);
                counts.methods = counts.methods.plus(new CoverageCounter(hits > 0 ? 1 : 0, hits > 0 ? 0 : 1));
                cursor.skipElement();
            } else if ("line".equals(name) && "lines".equals(parent) && countLines) {
                counts.addLine(cursor);
                cursor.skipElement();
            } else if ("lines".equals(name) && (!countLines || !"class".equals(parent))) {
                // Method-level lines repeat the class's lines; with declared totals no line is needed.
                cursor.skipElement();
            } else if ("sources".equals(name)) {
                cursor.skipElement();
            } else {
                open.push(name);
            }
        }
        cursor.finish();
        Map<CoverageMetric, CoverageCounter> totals = new EnumMap<>(CoverageMetric.class);
        CoverageCounter lines = declaredLines != null ? declaredLines : counts.linesIfAny();
        CoverageCounter branches = declaredBranches != null ? declaredBranches : counts.branchesIfAny();
        if (lines != null) {
            totals.put(CoverageMetric.LINE, lines);
        }
        if (branches != null) {
            totals.put(CoverageMetric.BRANCH, branches);
        }
        if (counts.methods.total() > 0) {
            totals.put(CoverageMetric.METHOD, counts.methods);
        }
        return new CoverageTotals(totals);
    }

    private static CoverageCounter declared(XmlCursor cursor, String coveredName, String validName)
            throws ReportException {
        long covered = cursor.count(coveredName);
        long valid = cursor.count(validName);
        if (covered < 0 && valid < 0) {
            return null;
        }
        if (covered < 0 || valid < 0) {
            throw cursor.error(
                    "<coverage> has " + (covered < 0 ? validName : coveredName) + " but not "
                            + (covered < 0 ? coveredName : validName),
                    "regenerate the report; both counts are needed");
        }
        if (covered > valid) {
            throw cursor.error(
                    coveredName + "=" + covered + " is more than " + validName + "=" + valid,
                    "regenerate the report; no more can be covered than exists");
        }
        return new CoverageCounter(covered, valid - covered);
    }

    private static long requireHits(XmlCursor cursor) throws ReportException {
        long hits = cursor.count("hits");
        if (hits < 0) {
            throw cursor.error("a <" + cursor.localName() + "> has no hits attribute", "regenerate the report");
        }
        return hits;
    }

    /** Counts taken from the elements, for writers that leave out the root's totals. */
    private static final class Counts {
        CoverageCounter methods = CoverageCounter.EMPTY;
        long linesCovered;
        long linesMissed;
        long branchesCovered;
        long branchesValid;
        boolean anyLine;

        void addLine(XmlCursor cursor) throws ReportException {
            anyLine = true;
            if (requireHits(cursor) > 0) {
                linesCovered++;
            } else {
                linesMissed++;
            }
            if ("true".equals(cursor.attribute("branch"))) {
                String condition = cursor.attribute("condition-coverage");
                if (condition != null) {
                    addCondition(cursor, condition);
                }
            }
        }

        CoverageCounter linesIfAny() {
            return anyLine ? new CoverageCounter(linesCovered, linesMissed) : null;
        }

        CoverageCounter branchesIfAny() {
            return branchesValid > 0 ? new CoverageCounter(branchesCovered, branchesValid - branchesCovered) : null;
        }

        /** {@code 50% (1/2)}: one of two branches covered. */
        private void addCondition(XmlCursor cursor, String condition) throws ReportException {
            int open = condition.indexOf('(');
            int slash = condition.indexOf('/', open + 1);
            int close = condition.indexOf(')', slash + 1);
            long covered = -1;
            long valid = -1;
            if (open >= 0 && slash > open && close > slash) {
                covered = parse(condition.substring(open + 1, slash));
                valid = parse(condition.substring(slash + 1, close));
            }
            if (covered < 0 || valid < 0 || covered > valid) {
                throw cursor.error(
                        "condition-coverage=\"" + XmlCursor.shorten(condition)
                                + "\" is not of the form 'NN% (covered/valid)'",
                        "regenerate the report");
            }
            branchesCovered += covered;
            branchesValid += valid;
        }

        private static long parse(String digits) {
            String text = digits.trim();
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            return Long.parseLong(text);
        }
    }
}
