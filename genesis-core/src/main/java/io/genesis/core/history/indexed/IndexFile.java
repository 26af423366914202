package io.genesis.core.history.indexed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One index of the store: a header and fixed-width entries, one per record line of one scope (every
 * record, one key, one job, one key and job), oldest first. An entry is the line's offset and length
 * in the data file and a hash of the record's id; a negative length marks a line that a later line
 * of the same record replaced. The header counts the entries, the live ones, and how far into the
 * data file this index has taken lines, so an index that missed lines (a crash between the data and
 * the index) is caught up rather than trusted.
 *
 * <p>Fixed-width entries are what make the newest page cheap: it is read by seeking to the end, never
 * by scanning.
 */
final class IndexFile implements AutoCloseable {

    static final int MAGIC = 0x47484958; // "GHIX"
    /** 2: the key indexes of jobs and the indexes of records that may run; a store of version 1 is rebuilt. */
    static final int VERSION = 2;

    static final int HEADER = 48;
    static final int ENTRY = 20;

    private final Path file;
    private final FileChannel channel;
    private final ReadMeter meter;
    private Header header;

    private IndexFile(Path file, FileChannel channel, ReadMeter meter, Header header) {
        this.file = file;
        this.channel = channel;
        this.meter = meter;
        this.header = header;
    }

    /**
     * Opens {@code file} (created empty with {@code generation} when missing).
     *
     * @throws CorruptIndexException when the file is not an index of this version
     */
    static IndexFile open(Path file, FileChannel channel, ReadMeter meter, long generation) throws IOException {
        if (channel.size() == 0) {
            IndexFile index = new IndexFile(file, channel, meter, new Header(0, 0, 0, generation, 0));
            index.writeHeader();
            return index;
        }
        if (channel.size() < HEADER) {
            throw new CorruptIndexException(file + " is shorter than an index header");
        }
        ByteBuffer bytes = ByteBuffer.allocate(HEADER);
        readFully(channel, bytes, 0, meter);
        bytes.flip();
        int magic = bytes.getInt();
        int version = bytes.getInt();
        if (magic != MAGIC || version != VERSION) {
            throw new CorruptIndexException(file + " is not a Genesis history index of version " + VERSION);
        }
        Header header = new Header(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        if (header.entries() < 0
                || header.live() < 0
                || header.live() > header.entries()
                || channel.size() < HEADER + header.entries() * ENTRY) {
            throw new CorruptIndexException(file + " counts " + header.entries() + " entries but holds fewer");
        }
        return new IndexFile(file, channel, meter, header);
    }

    Header header() {
        return header;
    }

    Path file() {
        return file;
    }

    /** Entries {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    Entry[] entries(long from, long to) throws IOException {
        int count = (int) (to - from);
        ByteBuffer bytes = ByteBuffer.allocate(count * ENTRY);
        readFully(channel, bytes, HEADER + from * ENTRY, meter);
        bytes.flip();
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = new Entry(from + i, bytes.getLong(), bytes.getInt(), bytes.getLong());
        }
        return entries;
    }

    /** Adds the entry of a line that ends at {@code dataEnd}, the {@code lines}-th line of the data. */
    void append(long offset, int length, long idHash, long dataEnd, long lines) throws IOException {
        ByteBuffer bytes =
                ByteBuffer.allocate(ENTRY).putLong(offset).putInt(length).putLong(idHash);
        writeFully(bytes.flip(), HEADER + header.entries() * ENTRY);
        header = new Header(header.entries() + 1, header.live() + 1, dataEnd, header.generation(), lines);
        writeHeader();
    }

    /** Notes lines up to {@code dataEnd} as taken even though none was added here (unreadable lines). */
    void advance(long dataEnd, long lines) throws IOException {
        header = new Header(header.entries(), header.live(), dataEnd, header.generation(), lines);
        writeHeader();
    }

    /**
     * Marks the live entry of the line at {@code dataOffset} replaced, searching from the newest; does
     * nothing when it is replaced already (a crash may have marked it before its successor was indexed).
     */
    void replace(long dataOffset) throws IOException {
        for (long to = header.entries(); to > 0; to -= 256) {
            long from = Math.max(0, to - 256);
            Entry[] entries = entries(from, to);
            for (int i = entries.length - 1; i >= 0; i--) {
                Entry entry = entries[i];
                if (entry.offset() == dataOffset) {
                    if (entry.live()) {
                        ByteBuffer length = ByteBuffer.allocate(4).putInt(-entry.length());
                        writeFully(length.flip(), HEADER + entry.number() * ENTRY + 8);
                        header = new Header(
                                header.entries(),
                                header.live() - 1,
                                header.dataEnd(),
                                header.generation(),
                                header.lines());
                        writeHeader();
                    }
                    return;
                }
            }
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    private void writeHeader() throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER)
                .putInt(MAGIC)
                .putInt(VERSION)
                .putLong(header.entries())
                .putLong(header.live())
                .putLong(header.dataEnd())
                .putLong(header.generation())
                .putLong(header.lines());
        writeFully(bytes.flip(), 0);
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer bytes, long position, ReadMeter meter) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, at);
            if (read < 0) {
                throw new CorruptIndexException("unexpected end of file at byte " + at);
            }
            meter.read(read);
            at += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * @param entries how many entries follow the header
     * @param live how many of them are not replaced
     * @param dataEnd the data file's bytes this index has taken (its lines indexed or skipped)
     * @param generation which build of the store this index belongs to (a compaction starts a new one)
     * @param lines how many data lines this index has taken
     */
    record Header(long entries, long live, long dataEnd, long generation, long lines) {}

    /**
     * @param number its place in the index, from 0
     * @param offset where its line starts in the data file
     * @param length its line's length without the line break; negative when replaced
     * @param idHash the hash of the record's id
     */
    record Entry(long number, long offset, int length, long idHash) {
        boolean live() {
            return length > 0;
        }
    }
}
