package io.genesis.core.gate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named set of tests that must all pass, such as {@code critical='*Critical*'}. The pattern is a
 * glob over the test's class name, its name, or both joined by a dot: {@code *} matches any run
 * of characters (dots included), {@code ?} one character; matching is case-sensitive.
 */
public final class TestSelector {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final String name;
    private final String pattern;
    private final Pattern regex;

    private TestSelector(String name, String pattern) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("required-test selector name '" + name
                    + "' is not valid: use 1 to 64 letters, digits, '_', '.' or '-' (for example 'critical')");
        }
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("required-test selector '" + name
                    + "' needs a pattern, such as '*Critical*' or 'com.example.SmokeTest'");
        }
        this.name = name;
        this.pattern = pattern.trim();
        this.regex = toRegex(this.pattern);
    }

    /** A selector called {@code name} that selects the tests matching the glob {@code pattern}. */
    public static TestSelector of(String name, String pattern) {
        return new TestSelector(name, pattern);
    }

    /**
     * Reads {@code name=pattern}, the form people type on a command line; quotes around the pattern
     * are removed.
     */
    public static TestSelector parse(String text) {
        int equals = text == null ? -1 : text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("required-test selector '" + text
                    + "' must look like name=pattern, for example critical='*Critical*'");
        }
        String value = text.substring(equals + 1).trim();
        if (value.length() >= 2
                && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        return of(text.substring(0, equals).trim(), value);
    }

    public String name() {
        return name;
    }

    public String pattern() {
        return pattern;
    }

    /** Whether the test {@code testName} of class {@code className} is selected. */
    public boolean matches(String className, String testName) {
        return regex.matcher(className).matches()
                || regex.matcher(testName).matches()
                || regex.matcher(className + "." + testName).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestSelector that && name.equals(that.name) && pattern.equals(that.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pattern);
    }

    /** {@code critical='*Critical*'}. */
    @Override
    public String toString() {
        return name + "='" + pattern + "'";
    }
}
