package io.genesis.core.rollout;

import io.genesis.core.history.HookRecord;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookContext;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.hook.HookReport;
import io.genesis.core.hook.HookRun;
import io.genesis.core.time.Durations;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs lifecycle hooks the way long target work runs: started once (its record stored as running
 * first), then polled at each wake-up until it ends or its time budget is spent, never waited for in
 * a tick. A hook step's failure ends the rollout where its phase says so; an {@code onRollback}
 * hook's failure is recorded only.
 */
final class HookStep {

    /** The outcomes a hook's record may end with. */
    static final String PASSED = "passed";

    static final String FAILED = "failed";
    static final String TIMED_OUT = "timed out";

    private final Transitions engine;
    private final RolloutState state;
    private final Bound resources;

    HookStep(Transitions engine, RolloutState state, Bound resources) {
        this.engine = engine;
        this.state = state;
        this.resources = resources;
    }

    /** Runs the current step's hook as far as it goes now. */
    Next run(Hook hook) {
        String slot = "step-" + state.step();
        RolloutState.StepProgress progress = state.progress();
        Instant now = engine.now();
        if (!progress.issued()) {
            HookRecord record = HookRecord.started(hook.phase().key(), hook.describe(), now);
            Optional<HookRecord> refused = start(slot, hook, record);
            if (refused.isPresent()) {
                return ended(hook, refused.get());
            }
            RolloutState current = engine.save(state.edit()
                    .progress(progress.markIssued())
                    .journal(state.journal().hook(record)));
            engine.emit(current, started(hook));
            return new Next.Wait(current, nextPoll(now, progress.deadline()));
        }
        HookRecord record = state.journal()
                .running(hook.phase().key())
                .orElseGet(() -> HookRecord.started(hook.phase().key(), hook.describe(), progress.enteredAt()));
        Optional<HookRecord> done = poll(slot, hook, record, progress.deadline());
        if (done.isEmpty()) {
            return new Next.Wait(state, nextPoll(now, progress.deadline()));
        }
        return ended(hook, done.get());
    }

    /**
     * Runs the request's {@code onRollback} hooks one after the other, once the rollback has restored
     * traffic. Either a wait (a hook still runs) or the state to finish with, every hook recorded.
     */
    RollbackHooks onRollback() {
        List<Hook> hooks = state.request().hooks(HookPhase.ON_ROLLBACK);
        String phase = HookPhase.ON_ROLLBACK.key();
        RolloutState current = state;
        Instant now = engine.now();
        Optional<HookRecord> running = current.journal().running(phase);
        int ended = (int) current.journal().hooks().stream()
                .filter(hook -> hook.phase().equals(phase) && hook.ended())
                .count();
        if (running.isPresent()) {
            Hook hook = hooks.get(ended);
            Instant deadline = running.get().startedAt().plus(hook.budget());
            Optional<HookRecord> done = poll(phase + "-" + ended, hook, running.get(), deadline);
            if (done.isEmpty()) {
                return new RollbackHooks(current, new Next.Wait(current, nextPoll(now, deadline)));
            }
            current = recorded(current, done.get());
            engine.emit(current, said(hook, done.get()) + "; recorded only, the rollback stands");
            ended++;
        }
        if (ended >= hooks.size()) {
            return new RollbackHooks(current, null);
        }
        Hook hook = hooks.get(ended);
        HookRecord record = HookRecord.started(phase, hook.describe(), now);
        Optional<HookRecord> refused = start(phase + "-" + ended, hook, record);
        if (refused.isPresent()) {
            RolloutState failed = engine.save(recorded(current, refused.get()).edit());
            engine.emit(failed, said(hook, refused.get()) + "; recorded only, the rollback stands");
            return new HookStep(engine, failed, resources).onRollback();
        }
        RolloutState saved =
                engine.save(current.edit().journal(current.journal().hook(record)));
        engine.emit(saved, started(hook));
        return new RollbackHooks(saved, new Next.Wait(saved, nextPoll(now, now.plus(hook.budget()))));
    }

    /**
     * Where the rollback's hooks stand.
     *
     * @param state the state, with every hook that ended recorded
     * @param waiting the wait while one runs, or {@code null} when all have ended
     */
    record RollbackHooks(RolloutState state, Next waiting) {}

    /** Starts {@code hook}; how it failed when it could not start. */
    private Optional<HookRecord> start(String slot, Hook hook, HookRecord record) {
        try {
            resources.startHook(slot, hook, context(hook));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(
                    record.end(engine.now(), FAILED, null, "", "could not start: " + Transitions.describe(e), ""));
        }
    }

    /** How the hook in {@code slot} ended, or empty while it runs within its deadline. */
    private Optional<HookRecord> poll(String slot, Hook hook, HookRecord record, Instant deadline) {
        Instant now = engine.now();
        Optional<HookRun> run = resources.hook(slot);
        if (run.isEmpty()) {
            return Optional.of(record.end(
                    now,
                    FAILED,
                    null,
                    "",
                    "its run was lost when the engine restarted, so how it ended is unknown; run it again by hand",
                    ""));
        }
        Optional<HookReport> report = run.get().poll();
        if (report.isPresent()) {
            resources.endHook(slot);
            HookReport ended = report.get();
            return Optional.of(record.end(
                    now,
                    ended.passed() ? PASSED : FAILED,
                    ended.exitCode(),
                    ended.reading(),
                    ended.detail(),
                    ended.output()));
        }
        if (!now.isBefore(deadline)) {
            resources.endHook(slot);
            return Optional.of(record.end(
                    now,
                    TIMED_OUT,
                    null,
                    "",
                    "did not end within " + Durations.format(hook.budget()) + ", so it was stopped",
                    ""));
        }
        return Optional.empty();
    }

    /** The hook step ended: go on, or stop the rollout where the phase says a failure does. */
    private Next ended(Hook hook, HookRecord record) {
        RolloutState recorded = recorded(state, record);
        String said = said(hook, record);
        if (PASSED.equals(record.outcome())) {
            return engine.complete(recorded, said);
        }
        if (hook.phase().failureStops()) {
            return engine.fail(recorded, said);
        }
        return engine.complete(recorded, said + " (recorded only: the version already serves everyone)");
    }

    private static RolloutState recorded(RolloutState state, HookRecord record) {
        return state.edit().journal(state.journal().hook(record)).build();
    }

    private HookContext context(Hook hook) {
        URI preview = null;
        try {
            preview = resources.target().previewUrl(resources.context()).orElse(null);
        } catch (RuntimeException e) {
            // No address: a hook that needs one is refused with that reason when it starts.
        }
        RolloutRequest request = state.request();
        return new HookContext(
                state.id().value(), request.key(), request.version().value(), request.commit(), hook.phase(), preview);
    }

    private Instant nextPoll(Instant now, Instant deadline) {
        Instant poll = now.plus(engine.settings().pollInterval());
        return poll.isBefore(deadline) ? poll : deadline;
    }

    private static String started(Hook hook) {
        return hook.phase().key() + " hook started: " + hook.describe() + " (time limit "
                + Durations.format(hook.budget()) + ")";
    }

    private static String said(Hook hook, HookRecord record) {
        return hook.phase().key() + " hook " + record.outcome() + " after " + Durations.format(record.duration()) + ": "
                + record.detail() + (record.reading().isEmpty() ? "" : "; " + record.reading());
    }
}
