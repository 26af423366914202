package io.genesis.core.rollout;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetGoneException;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one rollback path: traffic back to the stable version first (measured as time to restore),
 * then the candidate retired, retried a few times; and the rollback of a rollout that had already
 * succeeded, which every later rollback (a person's, a watch's) goes through.
 */
final class Rollbacks {

    private final Transitions transitions;
    private final RolloutLock locks;
    private final HistoryStore history;
    /** What each rollback waiting for its previous version last said it awaits, so each change is said once. */
    private final Map<RolloutId, String> awaited = new ConcurrentHashMap<>();

    Rollbacks(Transitions transitions, RolloutLock locks, HistoryStore history) {
        this.transitions = transitions;
        this.locks = locks;
        this.history = history;
    }

    /** Carries a rollback on as far as it can go now. */
    Next rollBack(RolloutState state) {
        RolloutState.Rollback rollback = state.rollback();
        Bound resources = transitions.bindings(state);
        EngineSettings settings = transitions.settings();
        RolloutState current = state;
        if (state.journal().running(HookPhase.ON_ROLLBACK.key()).isPresent()) {
            // Traffic is back and the candidate retired already: only the rollback's hooks are left.
            return afterHooks(state);
        }
        try {
            if (rollback.restoredAt() == null && state.weight().value() > 0 && !state.promoted()) {
                Optional<TrafficRouter> router = resources.target().trafficRouter();
                if (router.isPresent()) {
                    router.get().setWeight(resources.context(), Percentage.ZERO);
                    // Restored when the router reports the weight applied (a gateway's status), not when it was
                    // written.
                    Health zero = router.get().weightApplied(resources.context(), Percentage.ZERO);
                    if (!zero.isHealthy()) {
                        // What the router awaits (which gateway, which reference and why) is what the rollback awaits.
                        return awaitRestore(
                                current,
                                zero.message().isEmpty()
                                        ? Health.progressing("the router to apply 0 % to the candidate")
                                        : zero);
                    }
                    current = restored(current);
                }
            }
            if (current.rollback().restoredAt() == null) {
                Health ready = resources.target().prepareRollback(resources.context());
                if (ready.state() == Health.State.UNHEALTHY) {
                    throw new TargetException("the previous version cannot take traffic back: " + ready.message());
                }
                if (ready.state() == Health.State.PROGRESSING) {
                    return awaitRestore(current, ready);
                }
            }
            // Repeated even after the router restored traffic: the target may have more to undo, idempotently.
            resources.target().rollback(resources.context());
            if (current.rollback().restoredAt() == null) {
                Health served = resources.target().trafficRestored(resources.context());
                if (!served.isHealthy()) {
                    return awaitRestore(current, served);
                }
                current = restored(current);
            }
            // Connections still open to the candidate and proxies not yet reprogrammed need time to move over.
            Duration delay = resources.target().abandonedScaleDownDelay();
            Instant retireAt = current.rollback().restoredAt().plus(delay);
            if (transitions.now().isBefore(retireAt)) {
                if (rollback.restoredAt() == null) {
                    transitions.emit(
                            current,
                            "candidate kept running until " + retireAt + " ("
                                    + Durations.format(delay)
                                    + " after traffic left it) so that open connections and proxies move over first");
                }
                return new Next.Wait(current, retireAt);
            }
            resources.target().retireCandidate(resources.context());
        } catch (TargetGoneException e) {
            // Retrying cannot bring back what is gone, and there is nothing left to restore by hand.
            awaited.remove(state.id());
            return transitions.finishing(
                    current.edit().rollback(current.rollback().failed(e.getMessage())),
                    RecordStatus.FAILED,
                    requested(rollback.reason()) + "; nothing to roll back: " + Transitions.describe(e));
        } catch (RuntimeException e) {
            awaited.remove(state.id());
            RolloutState.Rollback failed = current.rollback().failed(Transitions.describe(e));
            if (failed.attempts() >= settings.rollbackAttempts()) {
                String traffic = failed.restoredAt() != null
                        ? "traffic was restored at " + failed.restoredAt() + ", but cleaning up after it failed"
                        : "traffic may still reach the candidate: restore "
                                + state.request().key() + " by hand";
                return transitions.finishing(
                        current.edit().rollback(failed),
                        RecordStatus.FAILED,
                        rollback.reason() + "; rollback failed " + failed.attempts() + " times (last: "
                                + Transitions.describe(e) + "); " + traffic);
            }
            RolloutState retrying = transitions.save(current.edit().rollback(failed));
            transitions.emit(
                    retrying,
                    "rollback attempt " + failed.attempts() + " failed: " + Transitions.describe(e)
                            + "; trying again in " + Durations.format(settings.retryInterval()));
            return new Next.Wait(retrying, transitions.now().plus(settings.retryInterval()));
        }
        awaited.remove(state.id());
        return afterHooks(current);
    }

    /** Runs the rollback's hooks, then ends it. */
    private Next afterHooks(RolloutState restored) {
        HookStep.RollbackHooks hooks = new HookStep(transitions, restored, transitions.bindings(restored)).onRollback();
        if (hooks.waiting() != null) {
            return hooks.waiting();
        }
        RolloutState current = hooks.state();
        RolloutState.Rollback done = current.rollback();
        String detail = "traffic restored in " + restoreTime(done);
        RolloutState.Editor finished = current.edit()
                .rollback(done)
                .weight(Percentage.ZERO)
                .journal(current.journal().endPhase(transitions.now(), "completed", detail));
        transitions.emit(current, "rolled back: " + detail + "; candidate retired");
        return transitions.finishing(finished, done.finalStatus(), done.reason());
    }

    /** A person's "rolled back by …" said of a rollback that could not happen, so that it agrees with FAILED. */
    private static String requested(String reason) {
        return reason.startsWith(Interventions.ROLLED_BACK_BY)
                ? "rollback requested by " + reason.substring(Interventions.ROLLED_BACK_BY.length())
                : reason;
    }

    /**
     * Rolls back a rollout that succeeded. While the previous version is kept this is the instant
     * switch back; after that, the target brings the previous version back (a rolling undo, or
     * starting the old slot again), which is slower, and the log says so. Only what runs now may be
     * rolled back: undoing an older rollout would throw away the newer one without a record.
     */
    void afterSuccess(RolloutState state, String why) {
        if (state.outcome().status() != RecordStatus.SUCCEEDED) {
            throw new IllegalStateException(
                    "rollout " + state.id() + " ended " + state.outcome().status() + "; there is nothing to roll back");
        }
        DeploymentKey key = state.request().key();
        Optional<DeploymentRecord> running = history.running(key);
        if (running.isEmpty() || !running.get().id().equals(state.id().value())) {
            throw new IllegalStateException("rollout " + state.id() + " no longer runs in " + key
                    + running.map(r -> ": rollout " + r.id() + " (version " + r.version() + ") replaced it; roll that"
                                    + " one back instead")
                            .orElse(": it was rolled back already"));
        }
        EngineSettings settings = transitions.settings();
        Instant now = transitions.now();
        Optional<Lease> lease = locks.acquire(key, state.id().value(), settings.owner(), now, settings.leaseTtl());
        if (lease.isEmpty()) {
            throw new IllegalStateException(
                    "cannot roll back rollout " + state.id() + ": " + key + " is locked by rollout "
                            + locks.current(key).map(Lease::holder).orElse("?"));
        }
        RolloutState.Cleanup cleanup = state.cleanup();
        boolean kept = cleanup != null && !cleanup.done();
        RolloutState.Editor editor = state.edit()
                .stage(Stage.ROLLING_BACK)
                .rollback(new RolloutState.Rollback(why, RecordStatus.ROLLED_BACK, now, 0, null, null, true))
                .journal(state.journal()
                        .endScheduled(now, "cancelled", why)
                        .startPhase(new PhaseRecord(0, "rollback", "roll back: " + why, now, null, "", "")));
        if (kept) {
            editor.cleanup(new RolloutState.Cleanup(cleanup.dueAt(), true, cleanup.attempts(), "cancelled: " + why));
        }
        RolloutState rollingBack = transitions.save(editor);
        transitions.emit(
                rollingBack,
                "rolling back after success: " + why
                        + (kept
                                ? ""
                                : "; the previous version is no longer kept, so " + state.target()
                                        + " brings it back (not an instant switch)"));
    }

    /**
     * The rollback waits, polling, while the previous version gets ready to take traffic back (a
     * scaled-down slot starting again) or while what serves traffic catches up with the switch:
     * that is progress, not a failed attempt, up to the progress deadline counted from the
     * trigger. Each new thing awaited is said once.
     */
    private Next awaitRestore(RolloutState state, Health ready) {
        EngineSettings settings = transitions.settings();
        Instant now = transitions.now();
        Instant deadline = state.rollback().triggeredAt().plus(transitions.healthDeadline(state));
        if (!now.isBefore(deadline)) {
            awaited.remove(state.id());
            return transitions.finishing(
                    state.edit().rollback(state.rollback().failed(ready.message())),
                    RecordStatus.FAILED,
                    state.rollback().reason() + "; traffic was not seen back on the previous version within "
                            + Durations.format(transitions.healthDeadline(state)) + " (awaiting: " + ready.message()
                            + "); check " + state.request().key() + " and restore it by hand");
        }
        if (!ready.message().equals(awaited.put(state.id(), ready.message()))) {
            transitions.emit(state, "rollback progressing, awaiting: " + ready.message());
        }
        Instant poll = now.plus(settings.pollInterval());
        return new Next.Wait(state, poll.isBefore(deadline) ? poll : deadline);
    }

    /** Stores that traffic is back on the stable version now, before anything is cleaned up. */
    private RolloutState restored(RolloutState state) {
        RolloutState restored = transitions.save(state.edit()
                .rollback(state.rollback().restored(transitions.now()))
                .weight(Percentage.ZERO));
        transitions.emit(restored, "traffic back on the stable version in " + restoreTime(restored.rollback()));
        return restored;
    }

    private static String restoreTime(RolloutState.Rollback rollback) {
        return Durations.format(Duration.between(rollback.triggeredAt(), rollback.restoredAt()));
    }
}
