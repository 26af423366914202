package io.genesis.core.gate.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.genesis.core.gate.ReadLimits;
import io.genesis.core.gate.ReportException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streaming JSON parser with the gate's read limits (nesting depth, string and number length,
 * document size) and errors that name the file, line, column and the fix. Strings the reader does
 * not ask for (secrets, code snippets, descriptions) are skipped without being held.
 */
final class JsonCursor implements AutoCloseable {

    private final JsonParser parser;
    private final String source;

    private JsonCursor(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    static JsonCursor open(InputStream input, String source, ReadLimits limits) throws IOException {
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

    /** The next token, or {@code null} at the end of the input. */
    JsonToken next() throws IOException {
        return parser.nextToken();
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** The current field's name. */
    String field() throws IOException {
        return parser.currentName();
    }

    /** Skips the current value, with everything inside it. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    /** Moves to the value of the next field of the current object; false at its end. */
    boolean nextField() throws IOException, ReportException {
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
    void requireArray(String what) throws ReportException {
        require(JsonToken.START_ARRAY, what + " must be an array");
    }

    void requireObject(String what) throws ReportException {
        require(JsonToken.START_OBJECT, what + " must be an object");
    }

    /** Moves to the next element of the current array; false at its end. */
    boolean nextElement() throws IOException {
        return next() != JsonToken.END_ARRAY;
    }

    /** The current value as a string, which it must be. */
    String string(String what) throws IOException, ReportException {
        if (current() != JsonToken.VALUE_STRING) {
            throw error(what + " must be a string, found " + describe(current()), "regenerate the report");
        }
        return parser.getText();
    }

    /** The current value as a whole number, which it must be (not a string holding one). */
    long whole(String what) throws IOException, ReportException {
        if (current() != JsonToken.VALUE_NUMBER_INT) {
            throw error(what + " must be a whole number, found " + describe(current()), "regenerate the report");
        }
        return parser.getLongValue();
    }

    /** A score written as a number or as a string holding one (SARIF writes strings). */
    double score(String what) throws IOException, ReportException {
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

    ReportException error(String problem, String fix) {
        JsonLocation at = parser.currentTokenLocation();
        return new ReportException(
                source,
                at == null || at.getLineNr() <= 0 ? ReportException.UNKNOWN : at.getLineNr(),
                at == null || at.getColumnNr() <= 0 ? ReportException.UNKNOWN : at.getColumnNr(),
                problem,
                fix);
    }

    String source() {
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

    static String describe(JsonToken token) {
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

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
