package io.genesis.core.rollout.store;

import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStateStore;
import io.genesis.core.rollout.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON file per rollout in a directory ({@link JsonFileStore}): each replaced atomically and
 * durably; files that cannot be read are reported through {@link #problems()} rather than failing
 * every other rollout.
 */
public final class FileRolloutStateStore implements RolloutStateStore {

    private final JsonFileStore<RolloutId, RolloutState> files;

    /** A durable store in {@code directory}. */
    public FileRolloutStateStore(Path directory) {
        this(directory, true);
    }

    /**
     * @param directory where the files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     */
    public FileRolloutStateStore(Path directory, boolean force) {
        this.files = new JsonFileStore<>(directory, force, "rollout", RolloutState.class, RolloutState::id);
    }

    @Override
    public void save(RolloutState state) {
        files.save(state);
    }

    @Override
    public Optional<RolloutState> load(RolloutId id) {
        return files.load(id);
    }

    @Override
    public List<RolloutState> list() {
        return files.list();
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
        return files.delete(id);
    }

    /** The directory's files that hold no readable state, each with where and what is wrong. */
    public Map<Path, String> unreadable() {
        return files.unreadable();
    }

    /** Files that could not be read, each with why. */
    public List<String> problems() {
        return files.problems();
    }
}
