package io.genesis.core.recovery;

import io.genesis.core.gate.record.FileGateRecordStore;
import io.genesis.core.notify.OutboxFiles;
import io.genesis.core.rollout.store.FileRolloutLock;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate records ({@code gates/}), notifications ({@code notifications/}) and leases ({@code locks/}) of a
 * state directory that cannot be read, each with its path, what is wrong and what to do. The one reader of
 * them for every front door: the command line warns with it in every command that reads its state directory,
 * the Jenkins controller in the log of a step and on its administrators' page. Rollout and watch states are
 * not here: {@link UnreadableStates} closes them with a record.
 */
public final class UnreadableFiles {

    private UnreadableFiles() {}

    /**
     * What cannot be read below {@code root}; a directory that cannot even be listed is one line that says
     * so. Nothing is changed.
     */
    public static List<String> in(Path root) {
        List<String> problems = new ArrayList<>();
        try {
            FileGateRecordStore gates = new FileGateRecordStore(root.resolve("gates"));
            gates.all();
            problems.addAll(gates.problems());
            problems.addAll(OutboxFiles.problemsIn(root.resolve("notifications")));
            problems.addAll(new FileRolloutLock(root.resolve("locks")).problems());
        } catch (UncheckedIOException e) {
            String message = String.valueOf(e.getMessage());
            problems.add(
                    message.contains("fix:")
                            ? message
                            : message + "; fix: make " + root + " and what is in it readable by this user");
        }
        return List.copyOf(problems);
    }
}
