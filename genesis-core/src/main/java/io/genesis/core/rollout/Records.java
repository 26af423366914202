package io.genesis.core.rollout;

import io.genesis.core.history.DeploymentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a finished rollout's state into its deployment record. */
final class Records {

    private Records() {}

    static DeploymentRecord of(RolloutState state) {
        RolloutRequest request = state.request();
        RolloutState.Rollback rollback = state.rollback();
        Instant triggered = rollback == null ? null : rollback.triggeredAt();
        Instant restored = rollback == null ? null : rollback.restoredAt();
        List<String> notes = new ArrayList<>(request.notes());
        notes.addAll(state.journal().notes());
        return new DeploymentRecord(
                state.id().value(),
                request.key().application(),
                request.key().environment(),
                request.version().value(),
                request.commit(),
                request.ref().toString(),
                request.build(),
                state.plan().strategy(),
                request.initiator(),
                state.target(),
                state.submittedAt(),
                state.outcome().endedAt(),
                state.outcome().status(),
                state.outcome().reason(),
                state.journal().phases(),
                state.journal().approvals(),
                state.journal().analyses(),
                notes,
                triggered,
                restored,
                triggered == null || restored == null ? null : Duration.between(triggered, restored),
                request.initiatorAccount(),
                state.journal().hooks(),
                request.buildDate(),
                request.commitTime());
    }
}
