package io.genesis.core.watch;

import io.genesis.core.rollout.store.JsonFileStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON file per watch in a private directory, written like rollout states (atomically,
 * durably, redacted): a restarted process finds every watch where the last one left it.
 */
public final class FileWatchStore implements WatchStore {

    private final JsonFileStore<WatchId, WatchState> files;
    /** Requests that a watch end, in a directory of their own, so listing the watches never reads them. */
    private final JsonFileStore<WatchId, WatchEndRequest> endings;

    /** A durable store in {@code directory}. */
    public FileWatchStore(Path directory) {
        this(directory, true);
    }

    /**
     * @param directory where the files live; created when needed
     * @param force whether writes are forced to disk; only simulations may turn it off
     */
    public FileWatchStore(Path directory, boolean force) {
        this.files = new JsonFileStore<>(directory, force, "watch", WatchState.class, WatchState::id);
        this.endings = new JsonFileStore<>(
                directory.resolve("endings"),
                force,
                "request to end a watch",
                WatchEndRequest.class,
                WatchEndRequest::id,
                "; the watch it names goes on until it is stopped again. Fix: move the file out of "
                        + directory.resolve("endings") + " and stop the watch again");
    }

    @Override
    public void save(WatchState state) {
        files.save(state);
    }

    @Override
    public Optional<WatchState> load(WatchId id) {
        return files.load(id);
    }

    @Override
    public List<WatchState> list() {
        return files.list();
    }

    @Override
    public void requestEnd(WatchEndRequest request) {
        endings.save(request);
    }

    @Override
    public Optional<WatchEndRequest> endRequested(WatchId id) {
        return endings.load(id);
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
