package io.genesis.core.rollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One JSON file per stored item (a rollout, a watch) in a private directory, each replaced
 * atomically and durably ({@link AtomicFiles}), redacted before it reaches the disk. Files that
 * cannot be read are reported through {@link #problems()} rather than failing every other item.
 *
 * @param <I> the item's id; its {@code toString} names the file
 * @param <S> the stored state
 */
public final class JsonFileStore<I, S> {

    private static final String SUFFIX = ".json";

    private final Path directory;
    private final boolean force;
    private final String what;
    private final Class<S> type;
    private final Function<S, I> idOf;
    /** What an unreadable file of this kind means and what to do, after "changed outside Genesis". */
    private final String advice;

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<Path, String> unreadable = new ConcurrentHashMap<>();

    /**
     * @param directory where the files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     * @param what what an item is, for messages ({@code rollout}, {@code watch})
     * @param type the stored state's type
     * @param idOf each state's id
     */
    public JsonFileStore(Path directory, boolean force, String what, Class<S> type, Function<S, I> idOf) {
        this(
                directory,
                force,
                what,
                type,
                idOf,
                ", and no command can carry its " + what + " on or roll it back. Fix: see 'genesis history' for its"
                        + " record and check its target by hand; then move the file out of " + directory
                        + " (a lock it held in the state directory frees itself once its owner's process has ended)");
    }

    /**
     * A store whose unreadable files mean something other than a lost rollout (a gate's verdict, a
     * notification).
     *
     * @param advice what an unreadable file means and what to do, continuing "it was cut short or changed
     *     outside Genesis"
     */
    public JsonFileStore(
            Path directory, boolean force, String what, Class<S> type, Function<S, I> idOf, String advice) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.force = force;
        this.what = Objects.requireNonNull(what, "what");
        this.type = Objects.requireNonNull(type, "type");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.advice = Objects.requireNonNull(advice, "advice");
    }

    public void save(S state) {
        I id = idOf.apply(state);
        try {
            AtomicFiles.write(file(id), StateJson.write(state, what + " " + id), force);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not store " + what + " " + id + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    public Optional<S> load(I id) {
        return read(file(id));
    }

    /** Every readable item, in file-name order. */
    public List<S> list() {
        List<S> states = new ArrayList<>();
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + what + "s in " + directory + ": " + e.getMessage(), e);
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith(AtomicFiles.TEMPORARY_PREFIX))
                    .sorted()
                    .forEach(f -> {
                        if (Files.isSymbolicLink(f)) {
                            problems.add(f + " skipped: a symbolic link, which Genesis never follows in its state"
                                    + " directory; remove it");
                        } else {
                            read(f).ifPresent(states::add);
                        }
                    });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + what + "s in " + directory, e);
        }
        return states;
    }

    /** Files that could not be read, each with why. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The files found so far that hold no readable state (symbolic links aside), each with where and
     * what is wrong; for whoever closes what they held ({@code io.genesis.core.recovery}).
     */
    public Map<Path, String> unreadable() {
        return Map.copyOf(unreadable);
    }

    /**
     * Removes the file of {@code id}, if there is one.
     *
     * @return whether a file was removed
     */
    public boolean delete(I id) {
        try {
            return Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not remove " + what + " " + id + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<S> read(Path file) {
        byte[] bytes;
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return Optional.empty();
            }
            bytes = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what + " state " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(StateJson.read(bytes, type));
        } catch (JsonProcessingException e) {
            // The parser's message may quote the file's text, which may be a secret: say only where.
            unreadable.put(file, ParseProblem.describe(file.toString(), e));
            problems.add(file + " skipped: not a readable " + what + " state ("
                    + ParseProblem.describe(file.toString(), e)
                    + "); Genesis replaces these files whole, so it was cut short or changed outside Genesis"
                    + advice);
            return Optional.empty();
        }
    }

    private Path file(I id) {
        return directory.resolve(id + SUFFIX);
    }
}
