package io.genesis.core.monitor.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Prometheus text format 0.0.4 or OpenMetrics 1.0 exposition line by line and hands each
 * sample to a {@link SampleSink}, holding one line at a time. Comments ({@code # HELP}, {@code # TYPE},
 * {@code # UNIT}) are skipped; timestamps, {@code _created} samples and exemplars are read and left
 * aside; label names and metric names may be quoted (the UTF-8 names of newer exporters). Every
 * problem is an {@link ExpositionException} naming the source, the line and the column, and what was
 * expected there; an OpenMetrics body without its closing {@code # EOF} is refused as cut short.
 */
public final class ExpositionParser {

    private final String source;
    private final ExpositionFormat format;
    private final ScrapeLimits limits;
    private final SampleSink sink;
    private final List<String> pairs = new ArrayList<>();
    private int series;

    private ExpositionParser(String source, ExpositionFormat format, ScrapeLimits limits, SampleSink sink) {
        this.source = source;
        this.format = format;
        this.limits = limits;
        this.sink = sink;
    }

    /**
     * Parses {@code in} (UTF-8 bytes, at most {@code limits.maxBytes()}).
     *
     * @param source how messages name the exposition, such as its address
     * @return how many samples it held
     * @throws ExpositionException for anything that is not a well-formed exposition within the limits
     */
    public static int parse(
            InputStream in, String source, ExpositionFormat format, ScrapeLimits limits, SampleSink sink)
            throws IOException {
        return new ExpositionParser(source, format, limits, sink).run(Lines.of(in, source, limits));
    }

    /** Parses text already decoded, such as a file read for a benchmark. */
    public static int parse(Reader in, String source, ExpositionFormat format, ScrapeLimits limits, SampleSink sink)
            throws IOException {
        return new ExpositionParser(source, format, limits, sink).run(Lines.of(in, source, limits));
    }

    private int run(Lines lines) throws IOException {
        boolean ended = false;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (ended) {
                throw problem(lines.number(), 1, "text after '# EOF'", "the exposition must end at '# EOF'");
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '#') {
                ended = format == ExpositionFormat.OPENMETRICS && line.equals("# EOF");
                continue;
            }
            if (++series > limits.maxSeries()) {
                throw new ExpositionException(source + " has more than " + limits.maxSeries() + " samples (line "
                        + lines.number() + "); fix: scrape an endpoint with fewer series");
            }
            new Line(line, lines.number()).sample();
        }
        if (format == ExpositionFormat.OPENMETRICS && !ended) {
            throw new ExpositionException(source + " is OpenMetrics without its closing '# EOF' (after line "
                    + lines.number() + "): the answer was cut short; fix: check the endpoint and its proxies");
        }
        return series;
    }

    private ExpositionException problem(int line, int column, String found, String expected) {
        return new ExpositionException(
                source + " line " + line + " column " + column + ": " + found + "; expected " + expected);
    }

    /** One sample line, read left to right. */
    private final class Line {

        private final String text;
        private final int number;
        private int at;

        Line(String text, int number) {
            this.text = text;
            this.number = number;
        }

        void sample() {
            pairs.clear();
            String name = null;
            if (peek() != '{') {
                name = name(false);
            }
            if (peek() == '{') {
                name = labels(name, pairs);
            }
            if (name == null) {
                throw fail("a sample without a metric name", "a name such as http_requests_total");
            }
            space();
            double value = number("a value");
            if (at < text.length() && peek() == ' ') {
                space();
                if (peek() != '#') {
                    number("a timestamp");
                    if (at < text.length()) {
                        space();
                    }
                }
                if (at < text.length()) {
                    exemplar();
                }
            }
            if (at < text.length()) {
                throw fail("'" + shown(text.charAt(at)) + "'", "the end of the line");
            }
            if (sink.wants(name)) {
                Map<String, String> labels = new HashMap<>(pairs.size());
                for (int i = 0; i < pairs.size(); i += 2) {
                    labels.put(pairs.get(i), pairs.get(i + 1));
                }
                sink.sample(name, labels, value);
            }
        }

        /** {@code # {trace_id="…"} 1.0 [timestamp]}: read for its shape, then dropped. */
        private void exemplar() {
            expect('#');
            expect(' ');
            if (peek() != '{') {
                throw fail("'" + shown(peek()) + "' after '#'", "an exemplar such as '# {trace_id=\"a\"} 1'");
            }
            labels("exemplar", new ArrayList<>());
            space();
            number("an exemplar value");
            if (at < text.length()) {
                space();
                number("an exemplar timestamp");
            }
        }

        /** The labels in braces into {@code into}; returns the metric name, which may be given there quoted. */
        private String labels(String name, List<String> into) {
            expect('{');
            String metric = name;
            while (peek() != '}') {
                if (peek() == '"') {
                    String quoted = quoted();
                    if (peek() != '=') {
                        if (metric != null) {
                            throw fail("a second metric name", "label=\"value\"");
                        }
                        metric = quoted;
                        separator();
                        continue;
                    }
                    label(quoted, into);
                } else {
                    label(name(true), into);
                }
                separator();
            }
            at++;
            return metric;
        }

        private void label(String label, List<String> into) {
            expect('=');
            String value = quoted();
            for (int i = 0; i < into.size(); i += 2) {
                if (into.get(i).equals(label)) {
                    throw fail("label '" + label + "' twice", "each label once");
                }
            }
            if (into.size() / 2 >= limits.maxLabels()) {
                throw fail("more than " + limits.maxLabels() + " labels", "fewer labels on one series");
            }
            into.add(label);
            into.add(value);
        }

        private void separator() {
            if (peek() == ',') {
                at++;
                while (peek() == ' ') {
                    at++;
                }
            } else if (peek() != '}') {
                throw fail("'" + shown(peek()) + "'", "',' or '}' after a label");
            }
        }

        /** A metric name ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}) or, for a label, without colons. */
        private String name(boolean label) {
            int start = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!label && c == ':');
                if (!letter && !(at > start && c >= '0' && c <= '9')) {
                    break;
                }
                at++;
            }
            if (at == start) {
                throw fail(
                        at < text.length() ? "'" + shown(text.charAt(at)) + "'" : "the end of the line",
                        label ? "a label name" : "a metric name");
            }
            return text.substring(start, at);
        }

        /** A double-quoted string with the escapes {@code \\}, {@code \"} and {@code \n}. */
        private String quoted() {
            expect('"');
            StringBuilder value = null;
            int start = at;
            while (true) {
                if (at >= text.length()) {
                    throw fail("the end of the line inside a quoted value", "a closing '\"'");
                }
                char c = text.charAt(at);
                if (c == '"') {
                    String result = value == null ? text.substring(start, at) : value.toString();
                    at++;
                    return result;
                }
                if (c == '\\') {
                    if (value == null) {
                        value = new StringBuilder(text.substring(start, at));
                    }
                    if (at + 1 >= text.length()) {
                        throw fail("a lone '\\' at the end of the line", "an escape such as \\\" or \\\\");
                    }
                    char escaped = text.charAt(at + 1);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case '\\', '"' -> value.append(escaped);
                        default -> value.append('\\').append(escaped);
                    }
                    at += 2;
                    continue;
                }
                if (value != null) {
                    value.append(c);
                }
                at++;
            }
        }

        /**
         * A number as Go's ParseFloat reads it in an exposition: decimal with an optional exponent,
         * or Inf, +Inf, -Inf, NaN. Java's own extras (hexadecimal, a trailing d or f, "Infinity") are
         * refused rather than guessed at.
         */
        private double number(String what) {
            int start = at;
            while (at < text.length() && text.charAt(at) != ' ') {
                at++;
            }
            String token = text.substring(start, at);
            Double special = special(token);
            if (special != null) {
                return special;
            }
            boolean digit = false;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                    digit = false;
                    break;
                }
            }
            if (digit) {
                try {
                    return Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    // Falls through to the message below, which says what a number looks like.
                }
            }
            at = start;
            throw fail(
                    token.isEmpty() ? "nothing" : "'" + abbreviated(token) + "'",
                    what + ": a number such as 1, 0.25, 1e-3, +Inf or NaN");
        }

        private Double special(String token) {
            return switch (token) {
                case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
                case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
                case "NaN", "nan" -> Double.NaN;
                default -> null;
            };
        }

        private void space() {
            expect(' ');
            while (peek() == ' ') {
                at++;
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail(
                        at < text.length() ? "'" + shown(text.charAt(at)) + "'" : "the end of the line", "'" + c + "'");
            }
            at++;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private ExpositionException fail(String found, String expected) {
            return problem(number, at + 1, found, expected);
        }
    }

    /** A character as a message shows it: control characters by their code. */
    private static String shown(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static String abbreviated(String token) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(token.length(), 40); i++) {
            out.append(shown(token.charAt(i)));
        }
        return token.length() > 40 ? out + "…" : out.toString();
    }
}
