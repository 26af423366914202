package io.genesis.core.gate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what the parser reads and stops it at the limits. The parser buffers every tag it reads
 * (name and attributes) but skips text it is not asked for; since {@code <} cannot occur inside a
 * tag, the distance since the last {@code <} bounds the memory a tag can take.
 */
final class GuardedInputStream extends FilterInputStream {

    private final ReadLimits limits;
    private long bytes;
    private long sinceMarkup;
    private String violation;

    GuardedInputStream(InputStream in, ReadLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(b == '<', 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            int end = offset + n;
            int lastMarkup = -1;
            for (int i = end - 1; i >= offset; i--) {
                if (buffer[i] == '<') {
                    lastMarkup = i;
                    break;
                }
            }
            if (lastMarkup < 0) {
                account(false, n);
            } else {
                checkRun(sinceMarkup + (firstMarkup(buffer, offset, end) - offset));
                sinceMarkup = end - lastMarkup - 1L;
                count(n);
                checkRun(sinceMarkup);
            }
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

    private void account(boolean markup, int n) throws IOException {
        count(n);
        sinceMarkup = markup ? 0 : sinceMarkup + n;
        checkRun(sinceMarkup);
    }

    private void count(int n) throws IOException {
        bytes += n;
        if (bytes > limits.maxFileBytes()) {
            throw stop("the file is larger than the limit of " + limits.maxFileBytes() + " bytes");
        }
    }

    private void checkRun(long run) throws IOException {
        if (run > limits.maxTokenBytes()) {
            throw stop("it holds more than " + limits.maxTokenBytes()
                    + " bytes without markup, more than any tag of a real report");
        }
    }

    private IOException stop(String why) {
        violation = why;
        return new IOException(why);
    }

    private static int firstMarkup(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '<') {
                return i;
            }
        }
        return to;
    }
}
