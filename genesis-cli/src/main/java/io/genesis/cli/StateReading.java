package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a command read from a state directory: the history's records, the stored rollouts, and every
 * line or file it could not read there (history lines, rollout, watch and lease files, gate records,
 * notifications). Every command that reads the store goes through here, so a torn
 * history line or a damaged rollout file is reported the same way by all of them, never skipped in
 * silence by one.
 *
 * @param records every record, oldest first
 * @param rollouts every readable rollout state, oldest submitted first
 * @param problems each line or file skipped, with what is wrong and what to do
 */
record StateReading(List<DeploymentRecord> records, List<RolloutState> rollouts, List<String> problems) {

    StateReading {
        records = List.copyOf(records);
        rollouts = List.copyOf(rollouts);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the history and the rollouts of {@code dir}, once what unreadable state files held is closed
     * ({@link StateDir#closeUnreadable}); what was closed is among the problems.
     */
    static StateReading of(StateDir dir, Clock clock) {
        List<String> closed = dir.closeUnreadable(clock);
        StateReading reading = of(dir.history(), dir.states());
        return reading.after(closed).with(dir.unreadableFiles());
    }

    /** Reads {@code history} and {@code states}. */
    static StateReading of(JsonLinesHistoryStore history, FileRolloutStateStore states) {
        JsonLinesHistoryStore.Contents contents = history.read();
        List<RolloutState> rollouts = states.list().stream()
                .sorted(Comparator.comparing(RolloutState::submittedAt).thenComparing(RolloutState::id))
                .toList();
        List<String> problems = new ArrayList<>(contents.problems());
        problems.addAll(states.problems());
        return new StateReading(contents.records(), rollouts, problems);
    }

    /**
     * Reads only the history of {@code dir}, for commands that look at nothing else; what unreadable state
     * files held is closed first, so that it shows there.
     */
    static StateReading history(StateDir dir, Clock clock) {
        List<String> closed = dir.closeUnreadable(clock);
        JsonLinesHistoryStore.Contents contents = dir.history().read();
        return new StateReading(contents.records(), List.of(), contents.problems())
                .after(closed)
                .with(dir.unreadableFiles());
    }

    private StateReading with(List<String> more) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new StateReading(records, rollouts, all);
    }

    private StateReading after(List<String> closed) {
        List<String> all = new ArrayList<>(closed);
        all.addAll(problems);
        return new StateReading(records, rollouts, all);
    }

    /** One warning line per problem, on {@code err}, after the command's name. */
    void warn(String command, PrintWriter err) {
        problems.forEach(problem -> err.println(command + ": warning: " + problem));
        err.flush();
    }
}
