package io.genesis.core.rollout;

import java.util.List;

/**
 * What the reconciler found at start-up.
 *
 * @param resumed rollouts adopted and carried on from their stored step
 * @param rolledBack rollouts adopted and rolled back (recovery policy, or a rollback in progress)
 * @param leftToOwner rollouts whose owner is alive, left alone
 * @param cleanups finished rollouts whose scale-down of the previous version was scheduled again
 */
public record ReconcileReport(
        List<RolloutId> resumed, List<RolloutId> rolledBack, List<RolloutId> leftToOwner, List<RolloutId> cleanups) {

    public ReconcileReport {
        resumed = List.copyOf(resumed);
        rolledBack = List.copyOf(rolledBack);
        leftToOwner = List.copyOf(leftToOwner);
        cleanups = List.copyOf(cleanups);
    }
}
