package io.genesis.core.gate;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a report element by element over a {@link XMLStreamReader}, refusing what a report never
 * needs: DTD internal subsets (where entities are declared), entity references and absurd nesting.
 * Text is never asked for, so the parser skips it without holding it.
 */
final class XmlCursor {

    static final String FIX_ENTITIES = "remove the DOCTYPE's [...] block and any &name; references"
            + " (reports written by real tools have neither); Genesis never expands entities";

    private final XMLStreamReader xml;
    private final String source;
    private final ReadLimits limits;
    private int depth;

    XmlCursor(XMLStreamReader xml, String source, ReadLimits limits) {
        this.xml = xml;
        this.source = source;
        this.limits = limits;
    }

    /**
     * Moves to the next start tag, end tag or the end of the document and returns which it is.
     * The depth after a start tag is that element's depth (the root is 1).
     */
    int next() throws XMLStreamException, ReportException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        throw error(
                                "elements are nested more than " + limits.maxDepth() + " levels deep",
                                "check that the file is a test or coverage report; real reports nest a few levels");
                    }
                    return event;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    return event;
                }
                case XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> refuseInternalSubset();
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw error("it refers to the entity &" + xml.getLocalName() + ";", FIX_ENTITIES);
                default -> {
                    // Text, comments, processing instructions and whitespace carry nothing we count.
                }
            }
        }
    }

    /** Moves to the root element and returns its name. */
    String root() throws XMLStreamException, ReportException {
        if (next() != XMLStreamConstants.START_ELEMENT) {
            throw error("it has no root element", "regenerate the report");
        }
        return xml.getLocalName();
    }

    /** From a start tag, moves past its matching end tag. */
    void skipElement() throws XMLStreamException, ReportException {
        int target = depth - 1;
        while (depth > target) {
            if (next() == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    /** Reads on to the end of the document, so a truncated tail is still detected. */
    void finish() throws XMLStreamException, ReportException {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // Only well-formedness is checked here.
        }
    }

    int depth() {
        return depth;
    }

    /** The file being read, as messages name it. */
    String source() {
        return source;
    }

    String localName() {
        return xml.getLocalName();
    }

    /** The attribute's value, or {@code null} when the current start tag does not have it. */
    String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    /** The attribute's value, or {@code fallback} when it is absent. */
    String attribute(String name, String fallback) {
        String value = attribute(name);
        return value == null ? fallback : value;
    }

    /**
     * A count attribute: a non-negative whole number, or {@code -1} when absent. Anything else is
     * an error naming the element and attribute.
     */
    long count(String name) throws ReportException {
        String value = attribute(name);
        if (value == null) {
            return -1;
        }
        String trimmed = value.trim();
        boolean digits = !trimmed.isEmpty() && trimmed.length() <= 18;
        for (int i = 0; digits && i < trimmed.length(); i++) {
            digits = trimmed.charAt(i) >= '0' && trimmed.charAt(i) <= '9';
        }
        if (!digits) {
            throw error(
                    "attribute " + name + "=\"" + shorten(value) + "\" of <" + xml.getLocalName()
                            + "> is not a non-negative whole number",
                    "regenerate the report with the tool that wrote it; counters are never negative or fractional");
        }
        return Long.parseLong(trimmed);
    }

    /** A rate attribute between 0 and 1, or {@code -1} when absent. */
    double rate(String name) throws ReportException {
        String value = attribute(name);
        if (value == null) {
            return -1;
        }
        double rate;
        try {
            rate = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw error(
                    "attribute " + name + "=\"" + shorten(value) + "\" of <" + xml.getLocalName()
                            + "> is not a rate between 0 and 1",
                    "regenerate the report with the tool that wrote it");
        }
        return rate;
    }

    /** An error at the current position. */
    ReportException error(String problem, String fix) {
        Location location = xml.getLocation();
        return new ReportException(source, line(location), column(location), problem, fix);
    }

    /** The current position, to name in an error found later; may be {@code null}. */
    Location location() {
        return xml.getLocation();
    }

    static int line(Location location) {
        return location == null ? ReportException.UNKNOWN : location.getLineNumber();
    }

    static int column(Location location) {
        return location == null ? ReportException.UNKNOWN : location.getColumnNumber();
    }

    private void refuseInternalSubset() throws ReportException {
        String subset = xml.getText();
        if (subset != null && !subset.isBlank()) {
            throw error("its DOCTYPE declares an internal DTD subset (entity declarations)", FIX_ENTITIES);
        }
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
