package io.genesis.core.watch;

import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;

/**
 * How a watch rolls a version back: through the rollout that deployed it, so a watch's rollback is
 * the rollouts' one rollback path, recorded on that rollout's record. Called again until it says
 * traffic is restored, so it must be safe to repeat.
 */
@FunctionalInterface
public interface WatchRollback {

    /**
     * Rolls {@code rolloutId} back, or reports on the rollback already under way.
     *
     * @return whether traffic is back on the previous version
     * @throws RuntimeException when it cannot be rolled back (a newer rollout replaced it, say)
     */
    boolean rollBack(String rolloutId, String reason, String by);

    /** The rollback of {@code engine}: {@link Orchestrator#rollback}, once, then its view. */
    static WatchRollback through(Orchestrator engine) {
        return (rolloutId, reason, by) -> {
            RolloutId id = RolloutId.of(rolloutId);
            RolloutView view = engine.view(id)
                    .orElseThrow(() -> new IllegalStateException(
                            "rollout " + id + " is not in this engine's store, so the watch cannot roll it back"));
            if (view.status() != RolloutStatus.ROLLING_BACK && view.status() != RolloutStatus.ROLLED_BACK) {
                view = engine.rollback(id, reason, by);
            }
            return view.status() == RolloutStatus.ROLLED_BACK;
        };
    }

    /** For watches that may not roll back: says so when asked. */
    static WatchRollback none() {
        return (rolloutId, reason, by) -> {
            throw new IllegalStateException("no rollback is configured for watches, so rollout " + rolloutId
                    + " cannot be rolled back automatically; roll it back by hand");
        };
    }
}
