package io.genesis.core.history.indexed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.RecordLines;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One operation on the store while its lock is held: the data file and the indexes it opened. Every
 * session first makes the indexes agree with the data (catching up lines a crash left unindexed,
 * closing a torn last line, rebuilding an index that disagrees), so readers and writers after a crash
 * never see a record missing from its index.
 */
final class StoreSession implements AutoCloseable {

    private final StoreFiles files;
    private final boolean force;
    private final ReadMeter meter;
    private final IdCache ids;
    private final Map<String, IndexFile> open = new HashMap<>();
    private FileChannel data;
    private long generation;

    StoreSession(StoreFiles files, boolean force, ReadMeter meter, IdCache ids) throws IOException {
        this.files = files;
        this.force = force;
        this.meter = meter;
        this.ids = ids;
        this.data = PrivateFiles.openReadWrite(files.data());
    }

    /** Makes the indexes agree with the data, rebuilding them when they cannot be trusted. */
    void catchUp() throws IOException {
        if (Files.exists(files.rebuilding(), LinkOption.NOFOLLOW_LINKS)) {
            rebuild();
            return;
        }
        try {
            IndexFile all = index(Scopes.ALL, true);
            generation = all.header().generation();
            long size = data.size();
            if (all.header().dataEnd() > size) {
                throw new CorruptIndexException(files.data().getFileName() + " is shorter (" + size
                        + " bytes) than its index says (" + all.header().dataEnd() + " bytes)");
            }
            ids.refresh(all);
            if (all.header().dataEnd() < size) {
                indexFrom(all.header().dataEnd(), all.header().lines());
            }
        } catch (CorruptIndexException e) {
            rebuild();
        }
    }

    /** Drops every index and indexes the data file again from its first line. */
    void rebuild() throws IOException {
        closeIndexes();
        PrivateFiles.directory(files.indexes());
        PrivateFiles.refuseLink(files.rebuilding());
        Files.writeString(files.rebuilding(), "rebuilding the index from the data\n", StandardCharsets.UTF_8);
        try (var listing = Files.list(files.indexes())) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                Files.delete(file);
            }
        }
        generation = ThreadLocalRandom.current().nextLong();
        ids.reset(generation);
        index(Scopes.ALL, true);
        indexFrom(0, 0);
        for (IndexFile index : open.values()) {
            index.force();
        }
        Files.delete(files.rebuilding());
    }

    /** Appends {@code record}'s line to the data, then to its indexes, the index of every record last. */
    void append(DeploymentRecord record) throws IOException {
        byte[] line = RecordLines.line(record);
        long end = data.size();
        long lines = index(Scopes.ALL, true).header().lines();
        write(ByteBuffer.wrap(line), end);
        if (force) {
            data.force(false);
        }
        indexLine(record, end, line.length - 1, lines + 1);
        if (force) {
            for (IndexFile index : open.values()) {
                index.force();
            }
        }
    }

    /** The page {@code query} asks for, read from the one index that lists its records. */
    HistoryPage page(HistoryQuery query) throws IOException {
        List<String> problems = problems();
        IndexFile index = index(Scopes.of(query), false);
        if (index == null) {
            return new HistoryPage(List.of(), 0, problems);
        }
        return new HistoryPage(
                newest(index, query.offset(), query.limit()),
                (int) index.header().live(),
                problems);
    }

    /** Every record {@code query}'s index lists, newest first, in one pass over that index. */
    List<DeploymentRecord> all(HistoryQuery query) throws IOException {
        IndexFile index = index(Scopes.of(query), false);
        return index == null ? new ArrayList<>() : newest(index, 0, Long.MAX_VALUE);
    }

    /**
     * The records of {@code index}'s live entries, newest first, after skipping {@code skip} of them and
     * at most {@code limit}: the entries are read in blocks from the end, so a small page reads one block.
     */
    List<DeploymentRecord> newest(IndexFile index, long skip, long limit) throws IOException {
        List<IndexFile.Entry> wanted = new ArrayList<>();
        long skipped = 0;
        // Twice what is wanted (replaced entries are skipped), so a small page or one record reads one small block.
        long block = Math.min(4096, Math.max(16, 2 * (skip + Math.min(limit, 4096))));
        for (long to = index.header().entries(); to > 0 && wanted.size() < limit; ) {
            long from = Math.max(0, to - block);
            IndexFile.Entry[] entries = index.entries(from, to);
            for (int i = entries.length - 1; i >= 0 && wanted.size() < limit; i--) {
                if (!entries[i].live()) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                } else {
                    wanted.add(entries[i]);
                }
            }
            to = from;
        }
        List<DeploymentRecord> records = new ArrayList<>(wanted.size());
        for (IndexFile.Entry entry : wanted) {
            records.add(recordAt(entry, index.file()));
        }
        return records;
    }

    /** The record with {@code id}, found through the id hashes rather than by reading every record. */
    Optional<DeploymentRecord> find(String id) throws IOException {
        IndexFile all = index(Scopes.ALL, true);
        for (long candidate : ids.candidates(Scopes.idHash(id))) {
            IndexFile.Entry entry = all.entries(candidate, candidate + 1)[0];
            if (entry.live()) {
                DeploymentRecord record = recordAt(entry, all.file());
                if (record.id().equals(id)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    /** The lines skipped as unreadable, with why. */
    List<String> problems() throws IOException {
        try {
            return Files.readAllLines(files.skipped(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The store's files. */
    StoreFiles files() {
        return files;
    }

    /** The data file, for compaction and checks. */
    FileChannel data() {
        return data;
    }

    /** Opens the data file again after compaction replaced it. */
    void reopen() throws IOException {
        closeIndexes();
        data.close();
        data = PrivateFiles.openReadWrite(files.data());
    }

    /** The record of a live entry, checked against the entry: a line that is not it means a bad index. */
    DeploymentRecord recordAt(IndexFile.Entry entry, Path index) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(entry.length());
        if (entry.offset() + entry.length() > data.size()) {
            throw new CorruptIndexException(index + " points past the end of " + files.data());
        }
        IndexFile.readFully(data, bytes, entry.offset(), meter);
        try {
            DeploymentRecord record = RecordLines.read(bytes.array(), 0, entry.length());
            if (Scopes.idHash(record.id()) == entry.idHash()) {
                return record;
            }
        } catch (JsonProcessingException e) {
            // falls through: the index points at something that is not the record it names
        }
        throw new CorruptIndexException(index + " entry " + entry.number() + " does not point at its record");
    }

    /** Opens the index {@code name}; a missing one is created when {@code create}, else {@code null}. */
    IndexFile index(String name, boolean create) throws IOException {
        IndexFile index = open.get(name);
        if (index != null) {
            return index;
        }
        Path file = files.indexes().resolve(name);
        if (!create && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        PrivateFiles.directory(files.indexes());
        index = IndexFile.open(file, PrivateFiles.openReadWrite(file), meter, generation);
        open.put(name, index);
        if (index.header().generation() != generation && !name.equals(Scopes.ALL)) {
            throw new CorruptIndexException(file + " belongs to another build of the index");
        }
        return index;
    }

    private void indexFrom(long position, long lines) throws IOException {
        DataLines.scan(data, position, lines, meter, (bytes, start, length, at, number, terminated) -> {
            if (!terminated) {
                // The last write was cut short (the writer held the lock, so it died): close its line.
                write(ByteBuffer.wrap(new byte[] {'\n'}), at + length);
            }
            if (length == 0 || new String(bytes, start, length, StandardCharsets.UTF_8).isBlank()) {
                index(Scopes.ALL, true).advance(at + length + 1, number);
                return;
            }
            try {
                indexLine(RecordLines.read(bytes, start, length), at, length, number);
            } catch (JsonProcessingException e) {
                skipped(files.data().getFileName() + " line " + number + " skipped: "
                        + (terminated
                                ? "not a valid record"
                                : "torn last line (a write was cut short, most likely by a crash)")
                        + " - " + ParseProblem.problem(e));
                index(Scopes.ALL, true).advance(at + length + 1, number);
            }
        });
    }

    /**
     * Lists the line at {@code offset} in the record's indexes. An earlier live line of the same record
     * is marked replaced first, in the indexes of that earlier line. An index that took this line
     * already (a crash between indexes) is left alone.
     */
    private void indexLine(DeploymentRecord record, long offset, int length, long number) throws IOException {
        long hash = Scopes.idHash(record.id());
        IndexFile all = index(Scopes.ALL, true);
        IndexFile.Entry earlier = null;
        DeploymentRecord earlierRecord = null;
        for (long candidate : ids.candidates(hash)) {
            IndexFile.Entry entry = all.entries(candidate, candidate + 1)[0];
            if (entry.live() && entry.offset() < offset) {
                DeploymentRecord other = recordAt(entry, all.file());
                if (other.id().equals(record.id())) {
                    earlier = entry;
                    earlierRecord = other;
                }
            }
        }
        long end = offset + length + 1;
        if (earlier != null) {
            for (String name : Scopes.of(earlierRecord)) {
                index(name, true).replace(earlier.offset());
            }
            ids.remove(hash, earlier.number());
        }
        KeyIndexes.beforeIndexing(this, record, new IndexFile.Entry(-1, offset, length, hash), end, number);
        for (String name : Scopes.of(record)) {
            IndexFile index = index(name, true);
            if (index.header().dataEnd() <= offset) {
                index.append(offset, length, hash, end, number);
            }
        }
        ids.add(hash, all.header().entries() - 1);
        ids.seen(all.header().entries());
    }

    private void skipped(String problem) throws IOException {
        PrivateFiles.refuseLink(files.skipped());
        Files.writeString(
                files.skipped(),
                problem.replace('\n', ' ') + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void write(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += data.write(bytes, at);
        }
    }

    private void closeIndexes() throws IOException {
        for (IndexFile index : open.values()) {
            index.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            closeIndexes();
        } finally {
            data.close();
        }
    }
}
