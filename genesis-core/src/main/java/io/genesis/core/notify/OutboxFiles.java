package io.genesis.core.notify;

import io.genesis.core.rollout.store.JsonFileStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The files an outbox keeps its entries in, and what a file that cannot be read means: one place for
 * the outbox that sends and for a command that only reads the state directory.
 */
public final class OutboxFiles {

    private OutboxFiles() {}

    /**
     * The files of the outbox in {@code directory} that cannot be read, each with why and what to do: for
     * a command that reads the state directory but sends nothing.
     */
    public static List<String> problemsIn(Path directory) {
        JsonFileStore<String, OutboxEntry> files = open(directory, true);
        files.list();
        return files.problems();
    }

    static JsonFileStore<String, OutboxEntry> open(Path directory, boolean force) {
        return new JsonFileStore<>(
                directory,
                force,
                "notification",
                OutboxEntry.class,
                OutboxEntry::id,
                ", so the notification it held is neither sent nor sent again. Fix: move the file out of "
                        + directory + "; if its receiver must still hear of it, tell them by hand ('genesis history'"
                        + " shows the rollouts)");
    }
}
