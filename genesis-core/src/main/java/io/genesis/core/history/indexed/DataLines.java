package io.genesis.core.history.indexed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads the data file's lines from a position on, in chunks, without loading the whole file. */
final class DataLines {

    private static final int CHUNK = 1 << 20;

    private DataLines() {}

    /** What is done with each line. */
    interface Visitor {
        /**
         * @param bytes holds the line (without its line break) from {@code start}
         * @param position where the line starts in the file
         * @param number the line's number in the file, from 1
         * @param terminated whether a line break ends it (the last line of a torn write has none)
         */
        void line(byte[] bytes, int start, int length, long position, long number, boolean terminated)
                throws IOException;
    }

    /** Visits every line from {@code position} (a line start) to the end; {@code lines} came before it. */
    static void scan(FileChannel channel, long position, long lines, ReadMeter meter, Visitor visitor)
            throws IOException {
        long size = channel.size();
        long at = position;
        long number = lines;
        int chunk = CHUNK;
        while (at < size) {
            int length = (int) Math.min(chunk, size - at);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            IndexFile.readFully(channel, buffer, at, meter);
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    visitor.line(bytes, start, i - start, at + start, ++number, true);
                    start = i + 1;
                }
            }
            if (start == 0 && at + length < size) {
                chunk *= 2; // a line longer than the chunk: read it again, whole
                continue;
            }
            if (at + length == size && start < length) {
                visitor.line(bytes, start, length - start, at + start, ++number, false);
                start = length;
            }
            at += start;
        }
    }
}
