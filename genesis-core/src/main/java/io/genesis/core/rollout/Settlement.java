package io.genesis.core.rollout;

import io.genesis.core.engine.Wakeups;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.target.DeploymentKey;
import java.time.Instant;

/**
 * The end of a rollout's life: its record goes into history and its lock is freed, then the
 * previous version it kept is scaled down when due, and the record is revised with that.
 */
final class Settlement {

    private final Transitions transitions;
    private final RolloutStateStore states;
    private final RolloutLock locks;
    private final HistoryStore history;
    private final Wakeups<RolloutId> wakeups;

    Settlement(
            Transitions transitions,
            RolloutStateStore states,
            RolloutLock locks,
            HistoryStore history,
            Wakeups<RolloutId> wakeups) {
        this.transitions = transitions;
        this.states = states;
        this.locks = locks;
        this.history = history;
        this.wakeups = wakeups;
    }

    /** Records the outcome, frees the key and wakes the rollouts queued behind this one. */
    Next finish(RolloutState state) {
        history.append(Records.of(state));
        locks.release(state.request().key(), state.id().value());
        RolloutState done = transitions.save(state.edit().stage(Stage.DONE));
        transitions.emit(
                done, "ended " + done.outcome().status() + ": " + done.outcome().reason(), RolloutMilestone.ENDED);
        wakeQueued(state.request().key(), state.id());
        return new Next.Continue(done);
    }

    /** Scales the kept previous version down once due, retrying a failure a few times. */
    Next cleanUp(RolloutState state) {
        RolloutState.Cleanup cleanup = state.cleanup();
        if (cleanup == null || cleanup.done()) {
            return new Next.Idle(state);
        }
        Instant now = transitions.now();
        if (now.isBefore(cleanup.dueAt())) {
            return new Next.Wait(state, cleanup.dueAt());
        }
        Bound resources = transitions.bindings(state);
        EngineSettings settings = transitions.settings();
        String detail;
        String outcome;
        try {
            resources.target().scaleDownPrevious(resources.context());
            detail = "previous version scaled down";
            outcome = "completed";
        } catch (RuntimeException e) {
            int attempts = cleanup.attempts() + 1;
            if (attempts < settings.rollbackAttempts()) {
                RolloutState retrying = transitions.save(state.edit()
                        .cleanup(new RolloutState.Cleanup(cleanup.dueAt(), false, attempts, Transitions.describe(e))));
                return new Next.Wait(retrying, now.plus(settings.retryInterval()));
            }
            detail = "scaling the previous version down failed " + attempts + " times (last: " + Transitions.describe(e)
                    + "); scale it down by hand";
            outcome = "failed";
        }
        RolloutState.Editor done = state.edit()
                .cleanup(new RolloutState.Cleanup(cleanup.dueAt(), true, cleanup.attempts(), detail))
                .journal(state.journal().endScheduled(now, outcome, detail));
        // The revised record goes first: once the state says "done", nothing would write it again.
        history.append(Records.of(done.build()));
        RolloutState settled = transitions.save(done);
        transitions.emit(settled, detail);
        return new Next.Idle(settled);
    }

    private void wakeQueued(DeploymentKey key, RolloutId ended) {
        Instant now = transitions.now();
        for (RolloutState state : states.list()) {
            if (state.stage() == Stage.QUEUED
                    && state.request().key().equals(key)
                    && !state.id().equals(ended)) {
                wakeups.at(state.id(), now);
            }
        }
    }
}
