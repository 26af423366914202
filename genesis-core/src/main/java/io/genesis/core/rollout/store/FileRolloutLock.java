package io.genesis.core.rollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.RolloutLock;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Locks kept as lease files in the engine's store, one per application and environment. Each
 * read-decide-write runs under an in-process lock and an exclusive file lock, so engines in
 * other processes sharing the directory take turns too; leases are written atomically.
 */
public final class FileRolloutLock implements RolloutLock {

    private static final String LEASE = ".lease";

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path directory;
    private final boolean force;
    private final Predicate<String> ownerEnded;

    public FileRolloutLock(Path directory) {
        this(directory, true);
    }

    /**
     * @param directory where lease files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     */
    public FileRolloutLock(Path directory, boolean force) {
        this(directory, force, owner -> false);
    }

    /**
     * @param directory where lease files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     * @param ownerEnded whether the engine named by a lease's owner has certainly ended (its process is
     *     gone from this machine): its lease is over at once rather than when its time runs out, since
     *     nobody is left to renew it
     */
    public FileRolloutLock(Path directory, boolean force, Predicate<String> ownerEnded) {
        this.directory =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.force = force;
        this.ownerEnded = Objects.requireNonNull(ownerEnded, "ownerEnded");
    }

    @Override
    public Optional<Lease> acquire(DeploymentKey key, String holder, String owner, Instant now, Duration ttl) {
        return exclusively(key, held -> {
            Optional<Lease> current = held.filter(lease -> !ownerEnded.test(lease.owner()));
            Optional<Lease> granted = LeaseRules.acquire(current, key, holder, owner, now, ttl);
            granted.ifPresent(lease -> write(key, lease));
            return granted;
        });
    }

    @Override
    public Optional<Lease> refresh(DeploymentKey key, String holder, Instant now, Duration ttl) {
        return exclusively(key, current -> {
            Optional<Lease> refreshed = LeaseRules.refresh(current, holder, now, ttl);
            refreshed.ifPresent(lease -> write(key, lease));
            return refreshed;
        });
    }

    @Override
    public void release(DeploymentKey key, String holder) {
        exclusively(key, current -> {
            if (current.isPresent() && current.get().holder().equals(holder)) {
                try {
                    Files.deleteIfExists(leaseFile(key));
                    if (force) {
                        AtomicFiles.forceDirectory(directory);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("could not release the lock on " + key, e);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<Lease> current(DeploymentKey key) {
        return read(key);
    }

    /**
     * The lease {@code holder} (a rollout's id) holds on any key of this directory, if one does: what the
     * directory still knows of a rollout whose own state file is lost.
     */
    public Optional<Lease> heldBy(String holder) {
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the locks in " + directory + ": " + e.getMessage(), e);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(LEASE))
                    .sorted()
                    .map(FileRolloutLock::readLeaseFile)
                    .flatMap(Optional::stream)
                    .filter(lease -> lease.holder().equals(holder))
                    .findFirst();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the locks in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lease files of this directory that cannot be read, each with what is wrong and what to do. Such
     * a file locks nothing (see {@link #acquire}): Genesis writes leases whole, so it was damaged outside
     * Genesis, and a lock that could never be taken again would stop every deploy of its key for good. The
     * warning is what keeps that choice from being silent.
     */
    public List<String> problems() {
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the locks in " + directory + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(LEASE))
                    .filter(f -> !f.getFileName().toString().startsWith(AtomicFiles.TEMPORARY_PREFIX))
                    .sorted()
                    .forEach(f -> unreadable(f)
                            .ifPresent(why -> problems.add(f + " is not a readable lease (" + why
                                    + "), so it locks nothing: a deploy of the application and environment its name shows"
                                    + " takes the lock even if another genesis still deploys there. Fix: make sure no"
                                    + " genesis process deploys there, then remove the file")));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the locks in " + directory + ": " + e.getMessage(), e);
        }
        return problems;
    }

    private static Optional<String> unreadable(Path file) {
        try {
            StateJson.readLease(PrivateFiles.read(file));
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            // The parser's message may quote the file's text: say only where.
            return Optional.of(ParseProblem.describe(file.toString(), e));
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static Optional<Lease> readLeaseFile(Path file) {
        try {
            return Optional.of(StateJson.readLease(PrivateFiles.read(file)));
        } catch (IOException e) {
            // Damaged, a link, or gone meanwhile: it names no holder.
            return Optional.empty();
        }
    }

    private Optional<Lease> exclusively(DeploymentKey key, Function<Optional<Lease>, Optional<Lease>> action) {
        Path mutex = directory.resolve(key.fileName() + ".mutex");
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(mutex, m -> new ReentrantLock());
        threads.lock();
        try {
            PrivateFiles.directory(directory);
            try (FileChannel channel = PrivateFiles.openReadWrite(mutex)) {
                FileLock processes = channel.lock();
                try {
                    return action.apply(read(key));
                } finally {
                    processes.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + key + " in " + directory + ": " + e.getMessage(), e);
        } finally {
            threads.unlock();
        }
    }

    private Optional<Lease> read(DeploymentKey key) {
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(StateJson.readLease(PrivateFiles.read(leaseFile(key))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            // Written atomically, so unreadable means damaged outside Genesis; it locks nothing, and every
            // command that reads the state directory says so (problems()).
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the lock on " + key + ": " + e.getMessage(), e);
        }
    }

    private void write(DeploymentKey key, Lease lease) {
        try {
            AtomicFiles.write(leaseFile(key), StateJson.write(lease), force);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the lock on " + key + ": " + e.getMessage(), e);
        }
    }

    private Path leaseFile(DeploymentKey key) {
        return directory.resolve(key.fileName() + LEASE);
    }
}
