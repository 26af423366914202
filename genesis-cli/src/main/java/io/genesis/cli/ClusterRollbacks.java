package io.genesis.cli;

import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.rollout.RecordedRollout;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A rollback from a machine whose state directory never saw the rollout: for an environment that keeps
 * its records in the cluster, what runs now is the newest record that succeeded and was not rolled back
 * ({@link CurrentDeployments}), its target is opened again from this machine's settings for the
 * environment, and what ran before it is the target's to know (the slot the active Service selected, the
 * previous revision). The rollout is stored in this state directory as ended ({@link RecordedRollout}),
 * so the engine's one rollback path takes it from there, under the same Lease as any other.
 */
final class ClusterRollbacks {

    private ClusterRollbacks() {}

    /**
     * The rollout of {@code key} that runs now, from the cluster's records, stored here; empty when the
     * records name none.
     *
     * @param now when it is taken up
     * @throws ConfigException when the environment's target cannot be read
     * @throws IllegalArgumentException when the target cannot be opened from the records and this machine
     */
    static Optional<RolloutState> adopt(
            Engine engine, DeploymentKey key, RecordsOption records, Progress progress, Instant now)
            throws ConfigException {
        Optional<DeploymentRecord> running = engine.history().running(key);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        DeploymentRecord record = running.get();
        ConfigFile.TargetBlock block = ConfigFile.contents(records.policy.file, records.config, Path.of(""))
                .target(key.environment())
                .orElseThrow(() -> new ConfigException(key.environment() + " keeps its records in the cluster but"
                        + " names no target; fix: add its kubernetes target: block"));
        TargetKind kind = engine.kinds().named(block.kind());
        TargetSpec target = kind.adopt(key, record, block.settings());
        RolloutState state = RecordedRollout.of(record, target, engine.owner().name(), now);
        engine.states().save(state);
        progress.line("rollout " + record.id() + " (version " + record.version() + " of " + key + ") is not in "
                + engine.dir() + ": taken up from the deployment records in the cluster");
        return Optional.of(state);
    }
}
