package io.genesis.core.gate;

import com.fasterxml.aalto.UncheckedStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared part of every XML report reader: a hardened parser over a guarded stream, and parser
 * failures turned into {@link ReportException}s that say where and what to do.
 */
abstract class StaxReportReader<R> implements ReportReader<R> {

    private static final String FIX_MALFORMED = "the file is not well-formed XML; it may be truncated (was the"
            + " run interrupted or the disk full?) or not a report at all: regenerate it, or narrow the"
            + " pattern so it only matches reports";

    /** How the parser names an entity reference it would not expand, in an attribute or undeclared. */
    private static final Pattern ENTITY =
            Pattern.compile("(?:Unexpanded ENTITY_REFERENCE \\(|[Uu]ndeclared (?:general )?entity \"?)([\\w.:-]+)");

    private final ReadLimits limits;

    StaxReportReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public final R read(InputStream input, String source) throws ReportException {
        return read(input, source, this::parse);
    }

    /** Reads the document with {@code parse} instead of this reader's own {@link #parse}. */
    final <T> T read(InputStream input, String source, Parse<T> parse) throws ReportException {
        GuardedInputStream guarded = new GuardedInputStream(input, limits);
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.open(guarded);
            return parse.parse(new XmlCursor(xml, source, limits));
        } catch (XMLStreamException e) {
            throw translate(e, guarded, xml, source);
        } catch (UncheckedStreamException e) {
            throw translate(
                    e.getCause() instanceof XMLStreamException cause ? cause : new XMLStreamException(e),
                    guarded,
                    xml,
                    source);
        } finally {
            close(xml);
        }
    }

    /** Reads the document from its start; the cursor has not moved yet. */
    abstract R parse(XmlCursor cursor) throws XMLStreamException, ReportException;

    ReadLimits limits() {
        return limits;
    }

    /** A way to read one document. */
    @FunctionalInterface
    interface Parse<T> {
        T parse(XmlCursor cursor) throws XMLStreamException, ReportException;
    }

    private ReportException translate(
            XMLStreamException e, GuardedInputStream guarded, XMLStreamReader xml, String source) {
        if (guarded.violation() != null) {
            // The parser's position is the start of the token it was reading when the guard stopped it.
            Location at = xml == null ? null : xml.getLocation();
            boolean parserKnows = at != null && at.getLineNumber() > 0 && guarded.line() == ReportException.UNKNOWN;
            return new ReportException(
                    source,
                    parserKnows ? at.getLineNumber() : guarded.line(),
                    parserKnows ? at.getColumnNumber() : guarded.column(),
                    "reading stopped because " + guarded.violation(),
                    guarded.fix());
        }
        if (guarded.bytesRead() == 0) {
            return new ReportException(
                    source,
                    ReportException.UNKNOWN,
                    ReportException.UNKNOWN,
                    "the file is empty",
                    "the tool that writes it probably did not finish; rerun it");
        }
        Location location = e.getLocation();
        if (e.getNestedException() instanceof IOException || e.getCause() instanceof IOException) {
            return new ReportException(
                    source,
                    ReportException.UNKNOWN,
                    ReportException.UNKNOWN,
                    "reading the file failed (" + e.getClass().getSimpleName() + ")",
                    "check that the file is readable");
        }
        int line = location == null ? ReportException.UNKNOWN : location.getLineNumber();
        int column = location == null ? ReportException.UNKNOWN : location.getColumnNumber();
        Matcher entity = ENTITY.matcher(String.valueOf(e.getMessage()));
        if (entity.find()) {
            // An entity nothing declares, in an attribute: the parser stops there, and the file is not truncated.
            return new ReportException(
                    source, line, column, "it refers to the entity &" + entity.group(1) + ";", XmlCursor.FIX_ENTITIES);
        }
        return new ReportException(source, line, column, describe(e), FIX_MALFORMED);
    }

    /** The parser's own description without the location it appends (we print ours). */
    private static String describe(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline)).trim();
        if (first.startsWith("ParseError at [row,col]")) {
            first = first.substring(first.indexOf("Message:") + "Message:".length())
                    .trim();
        }
        return "not well-formed XML (" + (first.length() > 200 ? first.substring(0, 200) + "…" : first) + ")";
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing releases buffers only; the caller owns and closes the stream itself.
            }
        }
    }
}
