package io.genesis.core.rollout;

import io.genesis.core.freeze.FreezeCalendar;
import io.genesis.core.freeze.FreezeWindow;
import io.genesis.core.promotion.FreezeCheck;
import java.time.Instant;
import java.util.Optional;

/**
 * The second freeze check, before promotion: a rollout that started outside a freeze (or was forced
 * through one) may reach promote while a window holds. Unless it was forced, it waits there, holding
 * no thread (the scheduler wakes it when the window ends), and a person may still roll it back or
 * abort it; a forced one promotes and its record says so again.
 */
final class PromotionFreeze {

    /** How the note of a forced promotion starts, so that people and tests can find it in a record. */
    static final String OVERRIDE_NOTE = FreezeCheck.OVERRIDE_NOTE + " at promotion: ";

    private final Transitions engine;
    private final RolloutState state;
    private final FreezeCalendar calendar;

    PromotionFreeze(Transitions engine, RolloutState state, FreezeCalendar calendar) {
        this.engine = engine;
        this.state = state;
        this.calendar = calendar;
    }

    /**
     * What the promote step does about freezes before it sends promote: a wait while a freeze holds
     * and the deploy was not forced; the note of a forced one, stored (the step then runs again from
     * it); empty when it may promote now.
     */
    Optional<Next> check() {
        if (state.progress().issued()) {
            return Optional.empty();
        }
        Optional<FreezeWindow.Frozen> frozen = calendar.at(engine.now());
        if (frozen.isEmpty()) {
            return Optional.empty();
        }
        String what = state.request().key().environment() + " is frozen "
                + frozen.get().describe();
        if (state.request().forcedThroughFreeze()) {
            String note = OVERRIDE_NOTE + state.request().freezeOverride() + " (" + what + ")";
            RolloutState noted = remember(note, state.progress().deadline());
            return noted == state ? Optional.empty() : Optional.of(new Next.Continue(noted));
        }
        String line = "waiting: " + what + "; promote after the freeze, or roll back";
        // The step's deadline counts from the window's end: the wait is the freeze's, not the target's.
        Instant deadline = frozen.get().until().plus(engine.healthDeadline(state));
        RolloutState waiting = remember(line, deadline);
        return Optional.of(new Next.Wait(waiting, frozen.get().until()));
    }

    /** Stores {@code note} in the journal and says it, once per rollout, even across restarts. */
    private RolloutState remember(String note, Instant deadline) {
        RolloutState current = state;
        if (current.journal().notes().contains(note)) {
            return current;
        }
        RolloutState.StepProgress progress = current.progress();
        RolloutState saved = engine.save(current.edit()
                .progress(new RolloutState.StepProgress(
                        progress.enteredAt(),
                        deadline,
                        false,
                        progress.lastSampleAt(),
                        progress.nextSampleAt(),
                        progress.analysis(),
                        progress.approvalRequest(),
                        progress.decision()))
                .journal(current.journal().note(note)));
        engine.emit(saved, note);
        return saved;
    }
}
