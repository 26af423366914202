package io.genesis.core.history.indexed;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordRetention;
import io.genesis.core.history.Retention;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Deployment records in a directory of their own, with indexes so that the newest page of one
 * application and environment, one job, or one of both is read by seeking to the end of a small
 * index file and reading only the records on that page, however many records the store holds; and so
 * are the applications and environments of a job and what runs in each ({@link KeyIndexes}).
 *
 * <p>The records are one append-only JSON-lines file ({@code records.jsonl}, the same lines as
 * {@link io.genesis.core.history.JsonLinesHistoryStore} writes and {@code genesis history --export}
 * exports); the indexes ({@code index/}) are derived from it and rebuilt from it whenever they disagree.
 * Every operation holds an exclusive lock on {@code store.lock} (other processes) and an in-process lock
 * (other threads), so concurrent writers never lose a record. The job of a record is its build's job
 * ({@link io.genesis.core.history.JobNames}).
 */
public final class IndexedHistoryStore implements HistoryStore {

    /** File locks belong to the process, so threads of one JVM must also take turns by directory. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final Map<Path, IdCache> IDS = new ConcurrentHashMap<>();

    private final StoreFiles files;
    private final boolean force;
    private final ReadMeter meter;

    /** A store in {@code directory} that forces every append to disk. */
    public IndexedHistoryStore(Path directory) {
        this(directory, true);
    }

    /**
     * @param directory the store's directory; created on first use
     * @param force whether each append is forced to disk; only simulations and benchmarks that discard
     *     the store afterwards may turn it off
     */
    public IndexedHistoryStore(Path directory, boolean force) {
        this(directory, force, ReadMeter.NONE);
    }

    IndexedHistoryStore(Path directory, boolean force, ReadMeter meter) {
        this.files = new StoreFiles(
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize());
        this.force = force;
        this.meter = meter;
    }

    /** The store's directory. */
    public Path directory() {
        return files.directory();
    }

    @Override
    public void append(DeploymentRecord record) {
        Objects.requireNonNull(record, "record");
        run("append deployment record " + record.id() + " to", session -> {
            session.append(record);
            return null;
        });
    }

    @Override
    public HistoryPage page(HistoryQuery query) {
        return run("read deployment history", session -> session.page(query));
    }

    /** Every record of {@code query}'s key and job, newest first, in one pass over their index. */
    @Override
    public List<DeploymentRecord> all(HistoryQuery query) {
        return run("read deployment history", session -> session.all(query));
    }

    /** The record with {@code id}, found by its id's hash without reading the other records. */
    @Override
    public Optional<DeploymentRecord> find(String id) {
        return run("read deployment history", session -> session.find(id));
    }

    /** From the index of the job's (or folder's) applications and environments: one record read per key. */
    @Override
    public SortedSet<DeploymentKey> keys(String job) {
        Objects.requireNonNull(job, "job");
        return run("read deployment history", session -> KeyIndexes.keys(session, job));
    }

    /** From the newest entry of the key's index of records that may run: one record read. */
    @Override
    public Optional<DeploymentRecord> running(DeploymentKey key) {
        Objects.requireNonNull(key, "key");
        return run("read deployment history", session -> KeyIndexes.running(session, key));
    }

    /** The lines of the data file that could not be read (such as a torn last line), with why. */
    public List<String> problems() {
        return run("read deployment history", StoreSession::problems);
    }

    /** Drops the indexes and builds them again from the records, such as after copying the data by hand. */
    public void rebuild() {
        run("rebuild the history index of", session -> {
            session.rebuild();
            return null;
        });
    }

    /**
     * Where the indexes disagree with the records, one line each; empty when they agree. Reads every
     * record: a check for tests and for people, never for a page.
     */
    public List<String> verify() {
        return run("check the history index of", session -> IndexCheck.of(session, files));
    }

    /**
     * Applies {@code retention} to every application, environment and job as of {@code now}, rewriting
     * the records without the ones it drops and rebuilding the indexes.
     */
    public Compaction.Result compact(Retention retention, Instant now) {
        return compact(new RecordRetention(retention, Map.of()), now);
    }

    /**
     * Applies each environment's retention as of {@code now}, rewriting the records without the ones it
     * drops and rebuilding the indexes.
     */
    public Compaction.Result compact(RecordRetention retention, Instant now) {
        Objects.requireNonNull(retention, "retention");
        return run("compact the history in", session -> Compaction.run(session, files, retention, now));
    }

    /** One step of work on an open session. */
    interface Work<T> {
        T on(StoreSession session) throws IOException;
    }

    private <T> T run(String what, Work<T> work) {
        Path directory = files.directory();
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(directory, d -> new ReentrantLock());
        threads.lock();
        try {
            PrivateFiles.directory(directory);
            try (FileChannel lock = PrivateFiles.openReadWrite(files.lock())) {
                FileLock processes = lock.lock();
                try {
                    IdCache ids = IDS.computeIfAbsent(directory, d -> new IdCache());
                    try (StoreSession session = new StoreSession(files, force, meter, ids)) {
                        session.catchUp();
                        try {
                            return work.on(session);
                        } catch (CorruptIndexException e) {
                            // The data is the truth: rebuild what disagrees with it and do the work again.
                            session.rebuild();
                            return work.on(session);
                        }
                    }
                } finally {
                    processes.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what + " " + directory + ": " + e.getMessage(), e);
        } finally {
            threads.unlock();
        }
    }
}
