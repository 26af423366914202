package io.genesis.core.gate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what the parser reads and stops it at the limits. The parser holds every tag it reads
 * (name and attributes), every declaration and processing instruction, but skips text, CDATA and
 * comments it is not asked for. So this follows the markup byte by byte — which bytes are inside a
 * tag (quoted attribute values included), a declaration or a processing instruction — and stops
 * when one of those is longer than {@link ReadLimits#maxTokenBytes()}, before the parser has held
 * it. A DOCTYPE with an internal subset is stopped at its {@code [}: the gate refuses every
 * internal subset, and must not hold one first.
 */
final class GuardedInputStream extends FilterInputStream {

    private static final int TEXT = 0;
    private static final int LT = 1;
    private static final int TAG = 2;
    private static final int TAG_DQ = 3;
    private static final int TAG_SQ = 4;
    private static final int BANG = 5;
    private static final int COMMENT = 6;
    private static final int CDATA = 7;
    private static final int DECL = 8;
    private static final int DECL_DQ = 9;
    private static final int DECL_SQ = 10;
    private static final int PI = 11;

    private final ReadLimits limits;
    private long bytes;
    private int state = TEXT;
    /** Bytes of the tag, declaration or processing instruction being read; 0 outside one. */
    private long token;
    /** Dashes, brackets or question marks just seen, to find the end of comments, CDATA and PIs. */
    private int closing;

    private String violation;
    private String fix;

    // Lines are followed only up to the end of the root's start tag: the parser reports positions
    // from there on, but it cannot while it is still being set up over the prolog.
    private boolean following = true;
    private int line = 1;
    private boolean afterCarriageReturn;
    private int column = 1;
    private int tokenLine = ReportException.UNKNOWN;
    private int tokenColumn = ReportException.UNKNOWN;

    GuardedInputStream(InputStream in, ReadLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
            scan(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
            scan(buffer, offset, offset + n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would hide bytes from the guard; read them instead.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    long bytesRead() {
        return bytes;
    }

    /** Why reading stopped, or {@code null} when no limit was hit. */
    String violation() {
        return violation;
    }

    /**
     * The line of the token that broke a limit, when it was in the prolog or the root's start tag
     * (the parser knows later positions itself), else {@link ReportException#UNKNOWN}.
     */
    int line() {
        return following ? tokenLine : ReportException.UNKNOWN;
    }

    /** The column that goes with {@link #line()}. */
    int column() {
        return following ? tokenColumn : ReportException.UNKNOWN;
    }

    /** What to do about the {@link #violation()}. */
    String fix() {
        return fix;
    }

    private void count(int n) throws IOException {
        bytes += n;
        if (bytes > limits.maxFileBytes()) {
            throw stop(
                    "the file is larger than the limit of " + limits.maxFileBytes() + " bytes",
                    "check that the pattern matches report files only; real reports stay far below the limits");
        }
    }

    private void scan(byte[] b, int from, int to) throws IOException {
        int i = from;
        while (i < to) {
            int start = i;
            boolean tagClosed = false;
            switch (state) {
                case TEXT -> {
                    while (i < to && b[i] != '<') {
                        i++;
                    }
                    if (i < to) {
                        follow(b, start, i);
                        if (following) {
                            tokenLine = line;
                            tokenColumn = column;
                        }
                        i++;
                        state = LT;
                        token = 1;
                        follow(b, i - 1, i);
                    } else {
                        follow(b, start, i);
                    }
                    continue;
                }
                case LT -> {
                    byte c = b[i++];
                    state = c == '!' ? BANG : c == '?' ? PI : TAG;
                    closing = 0;
                }
                case TAG -> {
                    while (i < to) {
                        byte c = b[i++];
                        if (c == '"') {
                            state = TAG_DQ;
                            break;
                        } else if (c == '\'') {
                            state = TAG_SQ;
                            break;
                        } else if (c == '>') {
                            state = TEXT;
                            tagClosed = true;
                            break;
                        }
                    }
                }
                case TAG_DQ, TAG_SQ, DECL_DQ, DECL_SQ -> {
                    byte quote = state == TAG_DQ || state == DECL_DQ ? (byte) '"' : (byte) '\'';
                    while (i < to && b[i] != quote) {
                        i++;
                    }
                    if (i < to) {
                        i++;
                        state = state == TAG_DQ || state == TAG_SQ ? TAG : DECL;
                    }
                }
                case BANG -> {
                    byte c = b[i++];
                    if (c == '-') {
                        state = COMMENT;
                        closing = -1; // the second dash of "<!--" must not count towards "-->"
                    } else if (c == '[') {
                        state = CDATA;
                    } else {
                        state = DECL;
                    }
                }
                case COMMENT, CDATA -> {
                    byte end = state == COMMENT ? (byte) '-' : (byte) ']';
                    while (i < to) {
                        byte c = b[i++];
                        if (c == end) {
                            closing++;
                        } else if (c == '>' && closing >= 2) {
                            state = TEXT;
                            break;
                        } else {
                            closing = 0;
                            // Only a run of end bytes can close: skip straight to the next one. Test
                            // output and stack traces are most of a Surefire report's bytes.
                            while (i < to && b[i] != end) {
                                i++;
                            }
                        }
                    }
                    token = 0; // skipped by the parser, never held
                    follow(b, start, i);
                    continue;
                }
                case DECL -> {
                    while (i < to) {
                        byte c = b[i++];
                        if (c == '"') {
                            state = DECL_DQ;
                            break;
                        } else if (c == '\'') {
                            state = DECL_SQ;
                            break;
                        } else if (c == '>') {
                            state = TEXT;
                            break;
                        } else if (c == '[') {
                            throw stop(
                                    "its DOCTYPE declares an internal DTD subset (entity declarations)",
                                    "remove the DOCTYPE's [...] block and any &name; references (reports written by"
                                            + " real tools have neither); Genesis never expands entities");
                        }
                    }
                }
                case PI -> {
                    while (i < to) {
                        byte c = b[i++];
                        if (c == '>' && closing > 0) {
                            state = TEXT;
                            break;
                        }
                        closing = c == '?' ? 1 : 0;
                    }
                }
                default -> throw new IllegalStateException("unknown state " + state);
            }
            token += i - start;
            follow(b, start, i);
            if (token > limits.maxTokenBytes()) {
                throw stop(
                        "one tag, attribute, declaration or processing instruction is longer than the limit of "
                                + limits.maxTokenBytes() + " bytes",
                        "check that the file is a report a tool wrote (no real report has a tag that long); if one"
                                + " does, raise the limit (maxTokenBytes of the gate's read limits)");
            }
            if (state == TEXT) {
                token = 0;
            }
            if (tagClosed) {
                following = false;
            }
        }
    }

    private void follow(byte[] b, int from, int to) {
        if (!following) {
            return;
        }
        // XML ends a line with LF, CR LF or a lone CR (old Mac tools still write those): count each once.
        for (int i = from; i < to; i++) {
            if (b[i] == '\r' || (b[i] == '\n' && !afterCarriageReturn)) {
                line++;
                column = 1;
            } else if (b[i] != '\n') {
                column++;
            }
            afterCarriageReturn = b[i] == '\r';
        }
    }

    private IOException stop(String why, String whatToDo) {
        violation = why;
        fix = whatToDo;
        return new IOException(why);
    }
}
