package io.genesis.core.secret;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says where a JSON or YAML file could not be read — file, line and column — and what kind of problem
 * it is, never the text of the line. Jackson's and SnakeYAML's own messages quote the offending token
 * or the whole line with a caret under it; in a configuration or manifest file that line may be a
 * password, and the message would carry it into logs and records.
 */
public final class ParseProblem {

    /**
     * Anything in quotes or back-ticks that holds a letter or digit: parsers quote the text they
     * stumbled on. Quoted punctuation ({@code expected ',' or ']'}) is the parser's own and stays.
     */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private ParseProblem() {}

    /** {@code file, line 3, column 12: mapping values are not allowed here}. */
    public static String describe(String file, JsonProcessingException e) {
        return where(file, e) + ": " + problem(e);
    }

    /** {@code file, line 3, column 12}, or just the file when the parser knew no position. */
    public static String where(String file, JsonProcessingException e) {
        String position = position(e);
        return position.isEmpty() ? file : file + ", " + position;
    }

    /** {@code line 3, column 12}, or empty when the parser knew no position. */
    public static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() <= 0
                ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The kind of problem: the lines of the parser's message that describe it (SnakeYAML indents the
     * quoted input and the position lines, Jackson starts its source line with a space), cut before any
     * position or source, with every quoted piece of the input replaced.
     */
    public static String problem(Throwable e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String described = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(ParseProblem::withoutSource)
                .filter(line -> !line.isBlank())
                .collect(Collectors.joining("; "));
        String shown = QUOTED.matcher(described)
                .replaceAll(quoted -> LETTER_OR_DIGIT.matcher(quoted.group()).find()
                        ? "(…)"
                        : Matcher.quoteReplacement(quoted.group()))
                .strip();
        return shown.isEmpty() ? e.getClass().getSimpleName() : shown;
    }

    private static String withoutSource(String line) {
        String cut = line;
        for (String marker : new String[] {" at [Source", " in 'reader'", " in 'string'", " in 'file"}) {
            int at = cut.indexOf(marker);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        return cut.strip();
    }
}
