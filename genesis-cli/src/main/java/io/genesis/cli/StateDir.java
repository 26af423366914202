package io.genesis.cli;

import io.genesis.core.gate.record.FileGateRecordStore;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.recovery.UnreadableFiles;
import io.genesis.core.recovery.UnreadableStates;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.watch.FileWatchStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the command line keeps what outlives one run: rollout states, locks, the deployment
 * history and requests between processes. One directory, so that every command pointed at it sees
 * the same rollouts.
 *
 * <p>By default it is the user's own ({@code $XDG_STATE_HOME/genesis}, else
 * {@code ~/.local/state/genesis}), never the working directory: in CI the working directory is the
 * checkout, which whoever opens a pull request controls, and a rollout state planted there would tell
 * {@code genesis rollback} where to send the cluster's credential. It is private (0700, owned by the
 * user who runs genesis, not a link; see {@link PrivateFiles}).
 *
 * @param root the directory
 */
record StateDir(Path root) {

    /** The environment variable that names the state directory when {@code --state-dir} is not given. */
    static final String VARIABLE = "GENESIS_STATE_DIR";

    /** How the default is described in help texts. */
    static final String DEFAULT_DESCRIPTION =
            "$" + VARIABLE + ", else $XDG_STATE_HOME/genesis, else ~/.local/state/genesis";

    StateDir {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * The state directory when none is given: {@value #VARIABLE}, else {@code $XDG_STATE_HOME/genesis}
     * (an absolute path, as the XDG specification requires), else {@code ~/.local/state/genesis}.
     */
    static StateDir standard(Map<String, String> environment, Path home) {
        String named = environment.getOrDefault(VARIABLE, "").trim();
        if (!named.isEmpty()) {
            return new StateDir(Path.of(named));
        }
        String xdg = environment.getOrDefault("XDG_STATE_HOME", "").trim();
        if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return new StateDir(Path.of(xdg, "genesis"));
        }
        return new StateDir(home.resolve(".local").resolve("state").resolve("genesis"));
    }

    /**
     * This directory, created private if missing, checked otherwise.
     *
     * @throws IllegalArgumentException naming the directory and the fix when it is a link, not a
     *     directory, or another user's
     */
    StateDir requirePrivate() {
        try {
            PrivateFiles.directory(root);
            // Each store checks its own folder only when it first uses it: a lock step that meets a file named
            // locks fails and is tried again, without end. Checked here, before anything starts, every command
            // says it at once.
            for (Path kind : List.of(rolloutDir(), lockDir(), watchDir(), gateDir(), notificationDir(), requestDir())) {
                PrivateFiles.checkDirectory(kind);
            }
            return this;
        } catch (IOException e) {
            String why = Failure.environment(e).orElse(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException(
                    "state directory " + root + " cannot be used: " + why
                            + (why.contains("fix:")
                                    ? ""
                                    : "; fix: choose another --state-dir, or remove what is in the way"),
                    e);
        }
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

    Path watchDir() {
        return root.resolve("watches");
    }

    Path gateDir() {
        return root.resolve("gates");
    }

    /** The outbox of notifications not yet delivered (or kept a while after). */
    Path notificationDir() {
        return root.resolve("notifications");
    }

    /** What gates decided, per commit and environment: promotion evidence and benchmark baselines. */
    FileGateRecordStore gateRecords() {
        return new FileGateRecordStore(gateDir());
    }

    FileRolloutStateStore states() {
        return new FileRolloutStateStore(rolloutDir());
    }

    /** The leases of this directory; one whose owner's process has ended on this machine is free at once. */
    FileRolloutLock locks() {
        return new FileRolloutLock(lockDir(), true, owner -> new EngineOwner(owner).certainlyEnded());
    }

    JsonLinesHistoryStore history() {
        return new JsonLinesHistoryStore(historyFile());
    }

    /**
     * Closes, each with a record, the rollouts and watches whose state files cannot be read and whose
     * engine cannot still be running them ({@link UnreadableStates}): what a command that reads this
     * directory does first, so that the history shows them and their locks block nobody.
     *
     * @return a line for each one closed, or why it could not be
     */
    List<String> closeUnreadable(Clock clock) {
        UnreadableStates closer =
                new UnreadableStates(clock, owner -> new EngineOwner(owner).certainlyEnded(), Engine.LEASE_TTL);
        List<String> said = new ArrayList<>();
        try {
            said.addAll(closer.closeRollouts(states(), locks(), history()));
            said.addAll(closer.closeWatches(new FileWatchStore(watchDir()), history()));
        } catch (UncheckedIOException e) {
            said.add("could not close what an unreadable state file held: " + e.getMessage() + "; fix: make " + root
                    + " writable, or move the file out by hand");
        }
        return said;
    }

    /**
     * The gate records, notifications and leases of this directory that cannot be read, each with what is
     * wrong and what to do: read apart from rollouts and history, which {@link StateReading} reads itself.
     */
    List<String> unreadableFiles() {
        return UnreadableFiles.in(root);
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
