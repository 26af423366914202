package io.genesis.cli;

import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the command line keeps what outlives one run: rollout states, locks, the deployment
 * history and requests between processes. One directory, {@code .genesis} by default, so that
 * every command pointed at it sees the same rollouts.
 *
 * @param root the directory
 */
record StateDir(Path root) {

    /** The default: {@code .genesis} in the working directory. */
    static final String DEFAULT = ".genesis";

    StateDir {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    Path rolloutDir() {
        return root.resolve("rollouts");
    }

    Path lockDir() {
        return root.resolve("locks");
    }

    Path historyFile() {
        return root.resolve("history.jsonl");
    }

    Path requestDir() {
        return root.resolve("requests");
    }

    FileRolloutStateStore states() {
        return new FileRolloutStateStore(rolloutDir());
    }

    FileRolloutLock locks() {
        return new FileRolloutLock(lockDir());
    }

    JsonLinesHistoryStore history() {
        return new JsonLinesHistoryStore(historyFile());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
