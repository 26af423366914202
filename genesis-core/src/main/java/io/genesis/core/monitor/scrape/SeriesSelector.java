package io.genesis.core.monitor.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which series of an exposition a metric is read from, written as in PromQL:
 * {@code http_requests_total{job="shop",code=~"5.."}}. Matchers are {@code =}, {@code !=},
 * {@code =~} and {@code !~}; a regular expression must match the whole value, as PromQL anchors it;
 * a label that is absent has the empty value.
 *
 * @param name the metric name, as the sample lines spell it
 * @param matchers the label matchers, all of which must hold
 * @param text the selector as written, for messages
 */
public record SeriesSelector(String name, List<Matcher> matchers, String text) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public SeriesSelector {
        Objects.requireNonNull(name, "name");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(text, "text");
    }

    /**
     * One label matcher.
     *
     * @param label the label's name
     * @param operator {@code =}, {@code !=}, {@code =~} or {@code !~}
     * @param value the value or the regular expression
     */
    public record Matcher(String label, String operator, String value, Pattern pattern) {

        boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(label, "");
            return switch (operator) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "=~" -> pattern.matcher(actual).matches();
                default -> !pattern.matcher(actual).matches();
            };
        }
    }

    /**
     * The selector {@code text} says.
     *
     * @param what how messages name the setting, such as {@code scrape setting 'errors'}
     * @throws IllegalArgumentException naming {@code what}, the problem and an example
     */
    public static SeriesSelector parse(String what, String text) {
        String trimmed = text == null ? "" : text.trim();
        int brace = trimmed.indexOf('{');
        String name = brace < 0 ? trimmed : trimmed.substring(0, brace).trim();
        if (!NAME.matcher(name).matches()) {
            throw invalid(what, text, "it must start with a metric name");
        }
        List<Matcher> matchers = new ArrayList<>();
        if (brace >= 0) {
            if (!trimmed.endsWith("}")) {
                throw invalid(what, text, "its labels must end with '}'");
            }
            String body = trimmed.substring(brace + 1, trimmed.length() - 1);
            int at = 0;
            while (at < body.length()) {
                at = matcher(what, text, body, at, matchers);
            }
        }
        return new SeriesSelector(name, matchers, trimmed);
    }

    /** Whether a sample called {@code sampleName} with {@code labels} is one of these series. */
    public boolean matches(String sampleName, Map<String, String> labels) {
        if (!name.equals(sampleName)) {
            return false;
        }
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** This selector for another metric name with the same matchers, such as the histogram's buckets. */
    SeriesSelector named(String other) {
        return new SeriesSelector(other, matchers, text);
    }

    private static int matcher(String what, String text, String body, int from, List<Matcher> into) {
        int at = skipSpaces(body, from);
        int start = at;
        while (at < body.length() && (Character.isLetterOrDigit(body.charAt(at)) || body.charAt(at) == '_')) {
            at++;
        }
        String label = body.substring(start, at);
        if (!LABEL.matcher(label).matches()) {
            throw invalid(what, text, "a label name is expected at '" + body.substring(start) + "'");
        }
        at = skipSpaces(body, at);
        String operator = operator(body, at);
        if (operator == null) {
            throw invalid(what, text, "label " + label + " needs =, !=, =~ or !~");
        }
        at = skipSpaces(body, at + operator.length());
        if (at >= body.length() || body.charAt(at) != '"') {
            throw invalid(what, text, "the value of label " + label + " must be in double quotes");
        }
        StringBuilder value = new StringBuilder();
        at++;
        while (at < body.length() && body.charAt(at) != '"') {
            if (body.charAt(at) == '\\' && at + 1 < body.length()) {
                at++;
            }
            value.append(body.charAt(at));
            at++;
        }
        if (at >= body.length()) {
            throw invalid(what, text, "the value of label " + label + " has no closing quote");
        }
        at = skipSpaces(body, at + 1);
        if (at < body.length()) {
            if (body.charAt(at) != ',') {
                throw invalid(what, text, "matchers must be separated by ','");
            }
            at++;
        }
        Pattern pattern = null;
        if (operator.endsWith("~")) {
            try {
                pattern = Pattern.compile(value.toString());
            } catch (PatternSyntaxException e) {
                throw invalid(what, text, "the regular expression of label " + label + " does not compile");
            }
        }
        into.add(new Matcher(label, operator, value.toString(), pattern));
        return skipSpaces(body, at);
    }

    private static String operator(String body, int at) {
        for (String operator : List.of("=~", "!~", "!=", "=")) {
            if (body.startsWith(operator, at)) {
                return operator;
            }
        }
        return null;
    }

    private static int skipSpaces(String body, int at) {
        int i = at;
        while (i < body.length() && body.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException invalid(String what, String text, String problem) {
        return new IllegalArgumentException(what + " '" + text + "' is not a series selector: " + problem
                + "; write it as in PromQL, such as http_requests_total{code=~\"5..\"}");
    }
}
