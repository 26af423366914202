package io.genesis.core.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A file pattern relative to the workspace, as Ant and Jenkins' {@code junit} step write them:
 * {@code *} matches within one directory level, {@code ?} one character, and a {@code **} segment
 * any number of directory levels, none included ({@code **}{@code /jacoco.xml} also matches
 * {@code jacoco.xml}). Back-slashes are read as slashes. Patterns may not be absolute nor contain
 * {@code ..}, so they cannot reach outside the workspace.
 */
public final class ReportGlob {

    private final String pattern;
    private final List<String> segments;
    private final Pattern regex;

    private ReportGlob(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = List.copyOf(segments);
        this.regex = toRegex(this.segments);
    }

    /**
     * Reads a pattern; a blank, absolute or {@code ..}-containing one fails with a message saying
     * what to write instead.
     */
    public static ReportGlob of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException(
                    "a report pattern must not be blank; write one such as" + " 'target/surefire-reports/*.xml'");
        }
        String normalized = pattern.trim().replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("(?i)^[a-z]:.*")) {
            throw new IllegalArgumentException("report pattern '" + pattern
                    + "' is absolute; patterns are relative to the workspace (for example 'target/*.xml')");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : normalized.split("/+")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException(
                        "report pattern '" + pattern + "' contains '..'; reports are only read inside the workspace");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("report pattern '" + pattern
                    + "' names no file; write one such as 'target/surefire-reports/*.xml'");
        }
        return new ReportGlob(pattern.trim(), segments);
    }

    /** Splits a comma-separated list of patterns, as Jenkins' {@code junit} step accepts them. */
    public static List<ReportGlob> list(String patterns) {
        List<ReportGlob> globs = new ArrayList<>();
        for (String part : patterns.split(",")) {
            if (!part.isBlank()) {
                globs.add(of(part));
            }
        }
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("no report pattern given in '" + patterns + "'");
        }
        return globs;
    }

    /** Whether the workspace-relative path {@code relative} (slash-separated) matches. */
    public boolean matches(String relative) {
        return regex.matcher(relative).matches();
    }

    /** The leading directories without wildcards, where a search can start. */
    List<String> fixedPrefix() {
        int end = 0;
        while (end < segments.size() - 1 && !isWild(segments.get(end))) {
            end++;
        }
        return segments.subList(0, end);
    }

    /** How many directory levels below the fixed prefix can match, or MAX_VALUE with {@code **}. */
    int depthBelowPrefix() {
        List<String> rest = segments.subList(fixedPrefix().size(), segments.size());
        return rest.stream().anyMatch(s -> s.contains("**")) ? Integer.MAX_VALUE : rest.size();
    }

    /** Whether the pattern names exactly one file, without wildcards. */
    boolean isLiteral() {
        return segments.stream().noneMatch(ReportGlob::isWild);
    }

    String relativePath() {
        return String.join("/", segments);
    }

    public String pattern() {
        return pattern;
    }

    private static boolean isWild(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    private static Pattern toRegex(List<String> segments) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            for (char c : segment.toCharArray()) {
                if (c == '*') {
                    if (!regex.toString().endsWith("[^/]*")) {
                        regex.append("[^/]*");
                    }
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (!last) {
                regex.append('/');
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportGlob that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
