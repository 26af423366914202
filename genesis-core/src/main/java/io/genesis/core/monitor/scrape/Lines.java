package io.genesis.core.monitor.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an exposition, read with its bounds: at most so many bytes, each line at most so
 * many characters, strictly UTF-8 (a malformed byte is refused, not replaced, so that label values
 * are never silently changed). A line longer than the bound is refused before it is held whole.
 */
final class Lines {

    private final Reader reader;
    private final String source;
    private final int maxLineChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int end;
    private int number;

    private Lines(Reader reader, String source, int maxLineChars) {
        this.reader = reader;
        this.source = source;
        this.maxLineChars = maxLineChars;
    }

    /** The lines of {@code in}, which may hold at most {@code limits.maxBytes()} bytes. */
    static Lines of(InputStream in, String source, ScrapeLimits limits) {
        InputStream bounded = new BoundedStream(in, limits.maxBytes(), source);
        Reader reader = new InputStreamReader(
                bounded,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new Lines(reader, source, limits.maxLineChars());
    }

    /** The lines of text already decoded. */
    static Lines of(Reader reader, String source, ScrapeLimits limits) {
        return new Lines(reader, source, limits.maxLineChars());
    }

    /** The number of the line last returned, from 1. */
    int number() {
        return number;
    }

    /** The next line without its end ({@code \n}, or {@code \r\n}), or {@code null} at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == end && !fill()) {
                if (!any) {
                    return null;
                }
                number++;
                return trimmed();
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            if (line.length() + (position - start) > maxLineChars) {
                throw new ExpositionException(source + " line " + (number + 1) + " is longer than " + maxLineChars
                        + " characters; fix: the endpoint is not a Prometheus or OpenMetrics exposition, or a label"
                        + " value is far too long");
            }
            line.append(buffer, start, position - start);
            if (position < end) {
                position++;
                number++;
                return trimmed();
            }
        }
    }

    private String trimmed() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        return line.toString();
    }

    private boolean fill() throws IOException {
        int read;
        try {
            read = reader.read(buffer);
        } catch (CharacterCodingException e) {
            throw new ExpositionException(
                    source + " line " + (number + 1) + " is not UTF-8; fix: an exposition is UTF-8 text", e);
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }

    /** Refuses to read past a byte count, naming the source. */
    private static final class BoundedStream extends InputStream {

        private final InputStream in;
        private final long max;
        private final String source;
        private long count;

        BoundedStream(InputStream in, long max, String source) {
            this.in = in;
            this.max = max;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = in.read(bytes, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int read) {
            count += read;
            if (count > max) {
                throw new ExpositionException(source + " answered more than " + max + " bytes; fix: scrape an"
                        + " endpoint with fewer series, or raise the source's maxBytes");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
