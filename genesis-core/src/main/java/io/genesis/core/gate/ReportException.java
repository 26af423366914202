package io.genesis.core.gate;

import java.util.Objects;

/**
 * A report file that could not be read, with where and why, and what to do about it. The message
 * never quotes more of the file than the parser's own short description of the problem.
 */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** No line or column is known. */
    public static final int UNKNOWN = -1;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;
    private final String fix;

    public ReportException(String source, int line, int column, String problem, String fix) {
        super(compose(source, line, column, problem, fix));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /** The file, as the user named it (relative to the workspace where possible). */
    public String source() {
        return source;
    }

    /** 1-based line, or {@link #UNKNOWN}. */
    public int line() {
        return line;
    }

    /** 1-based column, or {@link #UNKNOWN}. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    private static String compose(String source, int line, int column, String problem, String fix) {
        StringBuilder text = new StringBuilder("cannot read ").append(source);
        if (line > 0) {
            text.append(" at line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        return text.append(": ").append(problem).append("; fix: ").append(fix).toString();
    }
}
