package io.genesis.core.gate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streaming JSON parser for reports, with the gate's read limits (nesting depth, string and number length,
 * document size) and errors that name the file, line, column and the fix. Strings the reader does
 * not ask for (secrets, code snippets, descriptions) are skipped without being held.
 */
public final class JsonCursor implements AutoCloseable {

    private final JsonParser parser;
    private final String source;

    private JsonCursor(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    public static JsonCursor open(InputStream input, String source, ReadLimits limits) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxTokenBytes()))
                        .maxNameLength((int) Math.min(Integer.MAX_VALUE, limits.maxTokenBytes()))
                        .maxNumberLength(64)
                        .maxDocumentLength(limits.maxFileBytes())
                        .build())
                .build();
        return new JsonCursor(factory.createParser(input), source);
    }

    /**
     * Reads {@code input} with {@code body}, turning every parser failure into a
     * {@link ReportException} with the file, line, column and the fix. Parser messages are shown with
     * any token they quote cut out, because a report may hold secrets.
     */
    public static <T> T read(InputStream input, String source, ReadLimits limits, Body<T> body) throws ReportException {
        JsonCursor json;
        try {
            json = open(input, source, limits);
        } catch (IOException e) {
            throw new ReportException(
                    source,
                    ReportException.UNKNOWN,
                    ReportException.UNKNOWN,
                    "the file cannot be read",
                    "rerun the tool");
        }
        try (json) {
            return body.read(json);
        } catch (StreamConstraintsException e) {
            throw json.error(
                    "reading stopped because " + firstLine(e.getOriginalMessage()),
                    "check that the file is a report a tool wrote; real reports stay far below the limits (the"
                            + " gate's read limits: maxTokenBytes, maxDepth, maxFileBytes)");
        } catch (JsonEOFException e) {
            throw json.error(
                    "the file ends in the middle of the report (truncated)",
                    "the tool that writes it probably did not finish (was the run interrupted or the disk full?);"
                            + " rerun it");
        } catch (CharConversionException e) {
            throw json.error("it is not valid UTF-8 (" + firstLine(e.getMessage()) + ")", "write the report as UTF-8");
        } catch (JsonProcessingException e) {
            String why = firstLine(e.getOriginalMessage());
            if (why.contains("UTF-8") || why.contains("UTF8")) {
                throw json.error("it is not valid UTF-8 (" + why + ")", "write the report as UTF-8");
            }
            throw json.error(
                    "not well-formed JSON (" + why + ")",
                    "regenerate the report; it may be truncated or not a report at all");
        } catch (IOException e) {
            throw new ReportException(
                    source,
                    ReportException.UNKNOWN,
                    ReportException.UNKNOWN,
                    "reading the file failed (" + e.getClass().getSimpleName() + ")",
                    "check that the file is readable");
        }
    }

    /** Reads one document from a cursor. */
    @FunctionalInterface
    public interface Body<T> {
        T read(JsonCursor json) throws IOException, ReportException;
    }

    /** The next token, or {@code null} at the end of the input. */
    public JsonToken next() throws IOException {
        return parser.nextToken();
    }

    public JsonToken current() {
        return parser.currentToken();
    }

    /** The current field's name. */
    public String field() throws IOException {
        return parser.currentName();
    }

    /**
     * Skips the current value, with everything inside it. The strings inside are read through (not
     * kept), so that the read limits hold for what is skipped as for what is read: a report with an
     * oversized value anywhere is refused at that value, not passed.
     */
    public void skip() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken inside = parser.nextToken();
                if (inside == null) {
                    return;
                }
                if (inside.isStructStart()) {
                    depth++;
                } else if (inside.isStructEnd()) {
                    depth--;
                } else if (inside == JsonToken.VALUE_STRING) {
                    parser.getTextLength();
                }
            }
        } else if (token == JsonToken.VALUE_STRING) {
            parser.getTextLength();
        }
    }

    /** Moves to the value of the next field of the current object; false at its end. */
    public boolean nextField() throws IOException, ReportException {
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw error("expected a field name, found " + describe(token), "regenerate the report");
        }
        next();
        return true;
    }

    /** Moves into the array the cursor is on; then {@link #nextElement()} walks it. */
    public void requireArray(String what) throws ReportException {
        require(JsonToken.START_ARRAY, what + " must be an array");
    }

    public void requireObject(String what) throws ReportException {
        require(JsonToken.START_OBJECT, what + " must be an object");
    }

    /** Moves to the next element of the current array; false at its end. */
    public boolean nextElement() throws IOException {
        return next() != JsonToken.END_ARRAY;
    }

    /** The current value as a string, which it must be. */
    public String string(String what) throws IOException, ReportException {
        if (current() != JsonToken.VALUE_STRING) {
            throw error(what + " must be a string, found " + describe(current()), "regenerate the report");
        }
        return parser.getText();
    }

    /** The current value as a whole number, which it must be (not a string holding one). */
    public long whole(String what) throws IOException, ReportException {
        if (current() != JsonToken.VALUE_NUMBER_INT) {
            throw error(what + " must be a whole number, found " + describe(current()), "regenerate the report");
        }
        return parser.getLongValue();
    }

    /** A score written as a number or as a string holding one (SARIF writes strings). */
    public double score(String what) throws IOException, ReportException {
        if (current() == JsonToken.VALUE_NUMBER_INT || current() == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        String text = string(what);
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw error(
                    what + " \"" + shorten(text) + "\" is not a number",
                    "write it as a number from 0 to 10, such as \"8.8\"");
        }
    }

    public ReportException error(String problem, String fix) {
        JsonLocation at = parser.currentTokenLocation();
        return new ReportException(
                source,
                at == null || at.getLineNr() <= 0 ? ReportException.UNKNOWN : at.getLineNr(),
                at == null || at.getColumnNr() <= 0 ? ReportException.UNKNOWN : at.getColumnNr(),
                problem,
                fix);
    }

    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private void require(JsonToken token, String problem) throws ReportException {
        if (current() != token) {
            throw error(problem + ", found " + describe(current()), "regenerate the report");
        }
    }

    public static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        // The parser quotes the token it could not read; a report may hold secrets, so it is cut out.
        String first = (newline < 0 ? message : message.substring(0, newline)).replaceAll("'[^']*'", "'…'");
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    public static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
