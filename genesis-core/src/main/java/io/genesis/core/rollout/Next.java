package io.genesis.core.rollout;

import java.time.Instant;

/** What the state machine does after one transition. */
sealed interface Next {

    RolloutState state();

    /** The transition is stored; take the next one now. */
    record Continue(RolloutState state) implements Next {}

    /** Nothing to do until {@code until}; the scheduler wakes the rollout then. */
    record Wait(RolloutState state, Instant until) implements Next {}

    /** Nothing to do until someone calls (a decision, a resume, a rollback), or ever. */
    record Idle(RolloutState state) implements Next {}
}
