package io.genesis.core.gate.record;

import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.target.DeploymentKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark baseline of a gate when none is given: the benchmarks the gate recorded for the
 * commit of the version that runs in the environment now (issue 13 §3). A new version is then
 * compared with what users run, not with whatever file happens to be at hand.
 */
public final class DeployedBaseline {

    private DeployedBaseline() {}

    /**
     * Looks up the baseline of {@code key}: the running version's commit, then its gate record with
     * benchmarks (the one against this environment's bar first). Never fails: when something is
     * missing, the answer says what, and the gate then has no baseline.
     */
    public static RecordedBaseline of(DeploymentKey key, HistoryStore history, GateRecordStore gates) {
        Optional<DeploymentRecord> running = history.running(key);
        if (running.isEmpty()) {
            return RecordedBaseline.none("nothing of " + key.application() + " has been deployed to "
                    + key.environment() + " yet, so there is no running version to compare with");
        }
        DeploymentRecord deployed = running.get();
        String what =
                key.application() + " " + deployed.version() + " (commit " + GateRecord.abbreviated(deployed.commit())
                        + "), which runs in " + key.environment() + " since " + deployed.endedAt();
        List<GateRecord> recorded = gates.forCommit(deployed.commit()).stream()
                .filter(record -> !record.benchmarks().isEmpty())
                .sorted(Comparator.comparing(
                                (GateRecord record) -> !record.environment().equals(key.environment()))
                        .thenComparing(GateRecordStore.NEWEST_FIRST))
                .toList();
        if (recorded.isEmpty()) {
            // A record that could not be read may be the one asked for: say so, never just "none".
            List<String> unreadable = gates.problems();
            return RecordedBaseline.none("no gate recorded benchmarks for " + what
                    + (unreadable.isEmpty() ? "" : "; and " + String.join("; ", unreadable)));
        }
        GateRecord baseline = recorded.get(0);
        return new RecordedBaseline(
                "the " + baseline.benchmarks().size() + " benchmarks the gate recorded for " + what + " (gated for "
                        + baseline.environment() + " at " + baseline.recordedAt() + ")",
                baseline.benchmarks().stream().map(RecordedBenchmark::result).toList());
    }
}
