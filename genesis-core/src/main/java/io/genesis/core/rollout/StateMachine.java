package io.genesis.core.rollout;

import io.genesis.core.engine.Leases;
import io.genesis.core.engine.Serial;
import io.genesis.core.engine.Wakeups;

/**
 * Carries one rollout from stage to stage as far as it can go now, then sleeps until its next
 * wake-up: nothing here waits on a thread.
 */
final class StateMachine {

    /** A rollout that takes this many transitions in one tick is looping: a bug, reported loudly. */
    private static final int MAX_TRANSITIONS_PER_TICK = 10_000;

    private final Transitions transitions;
    private final KeyQueue queue;
    private final Rollbacks rollbacks;
    private final Settlement settlement;
    private final Bindings bindings;
    private final Serial<RolloutId> serial;
    private final Leases<RolloutId> leases;
    private final Wakeups<RolloutId> wakeups;

    StateMachine(
            Transitions transitions,
            KeyQueue queue,
            Rollbacks rollbacks,
            Settlement settlement,
            Bindings bindings,
            Serial<RolloutId> serial,
            Leases<RolloutId> leases,
            Wakeups<RolloutId> wakeups) {
        this.transitions = transitions;
        this.queue = queue;
        this.rollbacks = rollbacks;
        this.settlement = settlement;
        this.bindings = bindings;
        this.serial = serial;
        this.leases = leases;
        this.wakeups = wakeups;
    }

    /** See {@link Orchestrator#tick}. */
    RolloutView tick(RolloutId id) {
        return serial.call(id, () -> {
            RolloutState state = transitions.load(id);
            if (!transitions.mayRun(state)) {
                return RolloutView.of(state);
            }
            return run(transitions.adoptIfOrphaned(state));
        });
    }

    private RolloutView run(RolloutState start) {
        RolloutId id = start.id();
        RolloutState state = start;
        try {
            for (int i = 0; i < MAX_TRANSITIONS_PER_TICK; i++) {
                Next next = advance(state);
                state = next.state();
                if (next instanceof Next.Continue) {
                    continue;
                }
                if (next instanceof Next.Wait wait) {
                    wakeups.at(id, wait.until());
                } else {
                    wakeups.cancel(id);
                    forgetIfSettled(state);
                }
                return RolloutView.of(state);
            }
            throw new IllegalStateException("rollout " + id + " took more than " + MAX_TRANSITIONS_PER_TICK
                    + " transitions in one tick; it is looping, which is a bug in the engine");
        } catch (RuntimeException e) {
            // A store or target hiccup outside any step: try again later rather than stall for good.
            wakeups.at(id, transitions.now().plus(transitions.settings().retryInterval()));
            throw e;
        }
    }

    private Next advance(RolloutState state) {
        return switch (state.stage()) {
            case QUEUED -> queue.acquire(state);
            case RUNNING -> transitions.steps(state).run();
            case HALTED -> new Next.Idle(state);
            case ROLLING_BACK -> rollbacks.rollBack(state);
            case FINISHING -> settlement.finish(state);
            case DONE -> settlement.cleanUp(state);
        };
    }

    private void forgetIfSettled(RolloutState state) {
        if (state.stage() == Stage.DONE) {
            leases.forget(state.id());
            if (state.settled()) {
                bindings.forget(state.id());
            }
        }
    }
}
