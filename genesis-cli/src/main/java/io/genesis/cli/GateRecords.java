package io.genesis.cli;

import io.genesis.core.gate.GateVerdict;
import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.record.DeployedBaseline;
import io.genesis.core.gate.record.GateRecord;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code genesis gate} keeps in and reads from the state directory: its verdict for the commit
 * (promotion evidence, the next version's benchmark baseline), and the baseline recorded for the
 * version that runs in the environment now. The state directory is only touched when needed.
 */
final class GateRecords {

    private GateRecords() {}

    /**
     * Records {@code verdict} for {@code commit}, unless told not to or the commit is unknown.
     *
     * @return a line for people: where it was recorded, or why it could not be
     */
    static Optional<String> record(
            GateVerdict verdict, String commit, boolean skip, Supplier<StateDir> dir, String user, Clock clock) {
        if (skip || commit == null) {
            // Without a commit there is nothing a deploy could match it with: a gate run outside a
            // checkout, on a laptop, leaves the state directory alone.
            return Optional.empty();
        }
        String sha = Version.requireCommit(commit);
        StateDir state = dir.get();
        try {
            state.gateRecords().save(GateRecord.of(verdict, sha, null, user, clock.instant()));
        } catch (UncheckedIOException e) {
            return Optional.of("not recorded: " + e.getMessage());
        }
        return Optional.of("recorded " + verdict.verdict() + " for commit " + GateRecord.abbreviated(sha) + " against "
                + verdict.environment() + "'s bar in " + state.gateDir());
    }

    /** The baseline recorded for what runs in {@code environment}, or why there is none. */
    static RecordedBaseline deployedBaseline(String application, String environment, Supplier<StateDir> dir) {
        if (application == null) {
            return RecordedBaseline.none(
                    "none given, and no --application to look up the version that runs in " + environment);
        }
        StateDir state = dir.get();
        return DeployedBaseline.of(new DeploymentKey(application, environment), state.history(), state.gateRecords());
    }
}
