package io.genesis.cli;

import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.Stage;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows one rollout of this process until it has ended and its record is written: answers its
 * approval, asks what to do when an analysis halts it, and carries out rollbacks that other genesis
 * processes ask for. The engine's scheduler does the work; this only looks every poll interval.
 */
final class Watch {

    private final Engine engine;
    private final Host host;
    private final Progress progress;
    private final Approvals approvals;
    private final RollbackRequests requests;
    private long haltSeen = -1;
    private Instant orphansChecked = Instant.MIN;
    private String lockHolderShown = "";

    Watch(Engine engine, Host host, Progress progress, Approvals approvals) {
        this.engine = engine;
        this.host = host;
        this.progress = progress;
        this.approvals = approvals;
        this.requests = new RollbackRequests(engine.dir());
    }

    /** Waits until {@code id} has ended and its record is written. */
    RolloutState untilEnded(RolloutId id) throws InterruptedException {
        return until(id, false);
    }

    /** Waits until {@code id} has ended and has nothing left to do later (such as a delayed scale-down). */
    RolloutState untilSettled(RolloutId id) throws InterruptedException {
        return until(id, true);
    }

    private RolloutState until(RolloutId id, boolean settled) throws InterruptedException {
        Orchestrator orchestrator = engine.orchestrator();
        while (true) {
            RolloutState state = engine.states()
                    .load(id)
                    .orElseThrow(() -> new IllegalStateException("rollout " + id + " is no longer stored"));
            if (state.stage() == Stage.DONE && (!settled || state.settled())) {
                return state;
            }
            try {
                act(orchestrator, id);
            } catch (IllegalStateException e) {
                // The rollout moved on between looking and acting: look again.
            }
            Thread.sleep(host.pollInterval().toMillis());
        }
    }

    private void act(Orchestrator orchestrator, RolloutId id) {
        Optional<RollbackRequests.Request> asked = requests.take(id);
        if (asked.isPresent()) {
            RollbackRequests.Request request = asked.get();
            progress.line(
                    "rollback asked for by " + request.by() + " from another genesis process: " + request.reason());
            orchestrator.rollback(id, request.reason(), request.by());
            return;
        }
        RolloutView view = orchestrator.view(id).orElseThrow();
        if (view.status() == RolloutStatus.AWAITING_APPROVAL && view.approval().isPresent()) {
            approvals.answer(orchestrator, view.approval().get(), progress);
        } else if (view.status() == RolloutStatus.HALTED && view.revision() != haltSeen) {
            haltSeen = view.revision();
            decideHalt(orchestrator, view);
        } else if (view.status() == RolloutStatus.QUEUED) {
            whileQueued(view);
        }
    }

    /** A halted rollout waits for a person; without one at the terminal, rolling back is the safe answer. */
    private void decideHalt(Orchestrator orchestrator, RolloutView view) {
        if (host.prompter().isEmpty()) {
            orchestrator.rollback(
                    view.id(), "halted (" + view.reason() + ") with nobody at a terminal to resume it", "genesis");
            return;
        }
        String answer = host.prompter()
                .get()
                .ask("Rollout halted: " + view.reason() + ". Resume or roll back? [r/B] ")
                .orElse("")
                .trim()
                .toLowerCase(Locale.ROOT);
        if (answer.startsWith("r")) {
            orchestrator.resume(view.id(), host.user());
        } else {
            orchestrator.rollback(
                    view.id(), "halted (" + view.reason() + "); rolled back at the terminal", host.user());
        }
    }

    /** Now and then while queued: ends rollouts whose in-process target died, and says who holds the lock. */
    private void whileQueued(RolloutView view) {
        Instant now = host.clock().instant();
        if (now.isAfter(orphansChecked.plusSeconds(2))) {
            orphansChecked = now;
            engine.endOrphans(progress::line);
            showLockHolder(view);
        }
    }

    /**
     * Says who holds the lock a queued rollout waits for, once per holder: with a lock kept by the
     * target (a Kubernetes Lease), that may be a genesis process on another machine.
     */
    private void showLockHolder(RolloutView view) {
        Optional<Lease> lease;
        try {
            lease = engine.locks().current(view.key());
        } catch (RuntimeException e) {
            // Only shown for information; the engine itself retries the lock.
            return;
        }
        if (lease.isEmpty()
                || lease.get().holder().equals(view.id().value())
                || lease.get().holder().equals(lockHolderShown)) {
            return;
        }
        lockHolderShown = lease.get().holder();
        progress.line("queued: " + view.key() + " is locked by rollout " + lockHolderShown + " of "
                + new EngineOwner(lease.get().owner()).describe() + " until "
                + RecordText.time(lease.get().expiresAt()) + " (renewed while it runs); waiting for it to end");
    }
}
