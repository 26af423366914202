package io.genesis.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records as JSON lines in one file, appended under an exclusive file lock (other processes)
 * and an in-process lock (other threads and store instances on the same file), and forced to
 * disk before {@link #append} returns. A crash can leave at most a torn last line: readers skip
 * and report it, and the next append starts on a fresh line.
 */
public final class JsonLinesHistoryStore implements HistoryStore {

    /** File locks belong to the process, so threads of one JVM must also take turns by path. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final boolean force;

    /** A store in {@code file} that forces every append to disk. */
    public JsonLinesHistoryStore(Path file) {
        this(file, true);
    }

    /**
     * @param file the JSON-lines file; created with its directories on the first append
     * @param force whether each append is forced to disk; only simulations that discard the file
     *     afterwards may turn it off
     */
    public JsonLinesHistoryStore(Path file, boolean force) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.force = force;
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(DeploymentRecord record) {
        byte[] line = RecordLines.line(record);
        try {
            locked(() -> {
                // Opened under the lock: a compaction may have just replaced the file.
                try (FileChannel channel = PrivateFiles.openReadWrite(file)) {
                    long end = channel.size();
                    if (end > 0 && !endsWithNewline(channel, end)) {
                        // A crash tore the last line: close it so this record starts on a line of its own.
                        end += writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}), end);
                    }
                    writeFully(channel, ByteBuffer.wrap(line), end);
                    if (force) {
                        channel.force(false);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not append deployment record " + record.id() + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the records {@code retention} lets go as of {@code now} and the lines a record's later line
     * replaced, in one atomic replacement of the file (a crash leaves the old file whole). Lines that
     * cannot be read stay as they are, for people to look at.
     *
     * @return how many records stay and how many went
     */
    public Compacted compact(RecordRetention retention, Instant now) {
        Objects.requireNonNull(retention, "retention");
        try {
            return locked(() -> {
                byte[] bytes;
                try {
                    bytes = PrivateFiles.read(file);
                } catch (NoSuchFileException e) {
                    return new Compacted(0, 0);
                }
                // Each line's place and id (null: unreadable), and where each record's latest line starts.
                List<int[]> places = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                Map<String, DeploymentRecord> latest = new LinkedHashMap<>();
                Map<String, Integer> latestAt = new HashMap<>();
                RecordLines.eachLine(bytes, (start, length, lineNumber, last) -> {
                    DeploymentRecord record = readQuietly(bytes, start, length);
                    places.add(new int[] {start, length});
                    ids.add(record == null ? null : record.id());
                    if (record != null) {
                        latest.remove(record.id());
                        latest.put(record.id(), record);
                        latestAt.put(record.id(), start);
                    }
                });
                Set<String> keep = retention.kept(new ArrayList<>(latest.values()), now);
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                for (int i = 0; i < places.size(); i++) {
                    String id = ids.get(i);
                    int start = places.get(i)[0];
                    if (id == null || (keep.contains(id) && latestAt.get(id) == start)) {
                        kept.write(bytes, start, places.get(i)[1]);
                        kept.write('\n');
                    }
                }
                int dropped = latest.size() - keep.size();
                if (kept.size() == bytes.length) {
                    return new Compacted(keep.size(), 0);
                }
                Path compacting = file.resolveSibling(file.getFileName() + ".compacting");
                Files.deleteIfExists(compacting);
                try (FileChannel out = PrivateFiles.createNew(compacting)) {
                    writeFully(out, ByteBuffer.wrap(kept.toByteArray()), 0);
                    out.force(false);
                }
                Files.move(compacting, file, StandardCopyOption.ATOMIC_MOVE);
                return new Compacted(keep.size(), dropped);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not compact deployment history " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a compaction did.
     *
     * @param kept how many records stay
     * @param dropped how many records retention dropped
     */
    public record Compacted(int kept, int dropped) {}

    private static DeploymentRecord readQuietly(byte[] bytes, int start, int length) {
        try {
            return RecordLines.read(bytes, start, length);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** One step of work done while holding the file's locks. */
    private interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding the in-process lock and an exclusive lock on {@code <file>.lock}: a lock on
     * a file of its own, because a compaction replaces the records' file, and a writer holding a lock on
     * the old one would append to a file nobody reads.
     */
    private <T> T locked(Work<T> work) throws IOException {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        threads.lock();
        try {
            Path directory = file.getParent();
            if (directory != null) {
                PrivateFiles.directory(directory);
            }
            try (FileChannel lock = PrivateFiles.openReadWrite(file.resolveSibling(file.getFileName() + ".lock"))) {
                FileLock processes = lock.lock();
                try {
                    return work.run();
                } finally {
                    processes.release();
                }
            }
        } finally {
            threads.unlock();
        }
    }

    @Override
    public HistoryPage page(HistoryQuery query) {
        Contents contents = read();
        List<DeploymentRecord> matching = new ArrayList<>();
        for (DeploymentRecord record : contents.records()) {
            if (query.matches(record)) {
                matching.add(record);
            }
        }
        Collections.reverse(matching);
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new HistoryPage(matching.subList(from, to), matching.size(), contents.problems());
    }

    /**
     * Every record, oldest first (a replaced record sits where its latest line is), and the lines
     * that could not be read.
     */
    public Contents read() {
        byte[] bytes;
        try {
            Path directory = file.getParent();
            if (directory != null && PrivateFiles.checkDirectory(directory).isEmpty()) {
                return new Contents(List.of(), List.of());
            }
            bytes = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read deployment history " + file + ": " + e.getMessage(), e);
        }
        Map<String, DeploymentRecord> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        RecordLines.eachLine(bytes, (start, length, lineNumber, last) -> {
            try {
                DeploymentRecord record = RecordLines.read(bytes, start, length);
                byId.remove(record.id());
                byId.put(record.id(), record);
            } catch (JsonProcessingException e) {
                // Jackson wraps what the record constructors throw, so a line with a bad field lands here too.
                problems.add(file.getFileName() + " line " + lineNumber + " skipped: "
                        + (last
                                ? "torn last line (a write was cut short, most likely by a crash)"
                                : "not a valid record")
                        + " - " + ParseProblem.problem(e));
            }
        });
        return new Contents(List.copyOf(byId.values()), problems);
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private static int writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, position + written);
        }
        return written;
    }

    /**
     * What the file holds.
     *
     * @param records the latest line of every record, oldest first
     * @param problems the lines skipped, with why
     */
    public record Contents(List<DeploymentRecord> records, List<String> problems) {
        public Contents {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }
    }
}
