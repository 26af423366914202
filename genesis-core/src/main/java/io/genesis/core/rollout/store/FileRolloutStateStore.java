package io.genesis.core.rollout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStateStore;
import io.genesis.core.rollout.Stage;
import io.genesis.core.secret.ParseProblem;
import io.genesis.core.secret.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One JSON file per rollout in a directory, each replaced atomically and durably
 * ({@link AtomicFiles}). Files that cannot be read are reported through {@link #problems()}
 * rather than failing every other rollout.
 */
public final class FileRolloutStateStore implements RolloutStateStore {

    private static final String SUFFIX = ".json";

    private final Path directory;
    private final boolean force;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** A durable store in {@code directory}. */
    public FileRolloutStateStore(Path directory) {
        this(directory, true);
    }

    /**
     * @param directory where the files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     */
    public FileRolloutStateStore(Path directory, boolean force) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.force = force;
    }

    @Override
    public void save(RolloutState state) {
        try {
            AtomicFiles.write(file(state.id()), StateJson.write(state), force);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not store rollout " + state.id() + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<RolloutState> load(RolloutId id) {
        return read(file(id));
    }

    @Override
    public List<RolloutState> list() {
        List<RolloutState> states = new ArrayList<>();
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list rollouts in " + directory + ": " + e.getMessage(), e);
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
            throw new UncheckedIOException("could not list rollouts in " + directory, e);
        }
        return states;
    }

    /**
     * Removes the file of a rollout that never started: one its engine stored as queued and then could
     * not carry on (the target's lock could not even be read). Nothing was touched and nothing would
     * ever end it, so it would only block the next rollout of its key. Any other rollout is kept.
     *
     * @return whether the file was removed
     */
    public boolean discardUnstarted(RolloutId id) {
        Optional<RolloutState> state = load(id);
        if (state.isEmpty()
                || state.get().stage() != Stage.QUEUED
                || state.get().touched()) {
            return false;
        }
        try {
            return Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not remove unstarted rollout " + id + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Files that could not be read, each with why. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private Optional<RolloutState> read(Path file) {
        byte[] bytes;
        try {
            if (PrivateFiles.checkDirectory(directory).isEmpty()) {
                return Optional.empty();
            }
            bytes = PrivateFiles.read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read rollout state " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(StateJson.readState(bytes));
        } catch (JsonProcessingException e) {
            // The parser's message may quote the file's text, which may be a secret: say only where.
            problems.add(file + " skipped: not a readable rollout state (" + ParseProblem.describe(file.toString(), e)
                    + "); Genesis replaces these files whole, so it was cut short or changed outside Genesis, and"
                    + " no command can carry its rollout on or roll it back. Fix: see 'genesis history' for its"
                    + " record and check its target by hand; then move the file out of " + directory
                    + " (a lock it held in the state directory frees itself once its owner's process has ended)");
            return Optional.empty();
        }
    }

    private Path file(RolloutId id) {
        return directory.resolve(id.value() + SUFFIX);
    }
}
