package io.genesis.sandbox.target;

import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.TargetException;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.slot.HealthCheck;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Which slot of one sandbox plays which part for one application in one environment: the stable version,
 * the candidate of the rollout in progress, and the previous version kept after a promote for instant
 * rollback. Every operation of the sandbox target, its router and its rolling updater goes through here,
 * keyed by the rollout's id, so that each one can be repeated after a crash and does nothing the second
 * time. Thread-safe; starting and stopping slots (which wait for the slot) happen outside the lock.
 */
final class SlotLedger {

    private final DeploymentKey key;
    private final Sandbox sandbox;
    private final Executor starter;

    private Slot stable;
    /** The rollout that promoted the stable slot; null for the version the ledger began with or restored. */
    private String stableRollout;
    /** The version that was stable before {@link #stableRollout} promoted, to undo a promote without its slot. */
    private String versionBefore;

    private Candidate candidate;
    private Kept kept;
    /** Slots a rollback took traffic from, stopped by {@link #retire} so that stopping is not restore time. */
    private final List<Slot> retiring = new ArrayList<>();

    SlotLedger(DeploymentKey key, Sandbox sandbox, Slot stable, Executor starter) {
        this.key = Objects.requireNonNull(key, "key");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.stable = Objects.requireNonNull(stable, "stable");
        this.starter = Objects.requireNonNull(starter, "starter");
        sandbox.setWeights(Weights.all(stable.id()));
    }

    // ---------------------------------------------------------------- what runs where

    synchronized Slot stable() {
        return stable;
    }

    /** The candidate's slot once it has started. */
    synchronized Optional<Slot> candidate() {
        return candidate == null ? Optional.empty() : candidate.slot();
    }

    /** The previous version kept beside the stable one for instant rollback. */
    synchronized Optional<Slot> previous() {
        return kept == null ? Optional.empty() : Optional.of(kept.slot());
    }

    synchronized List<Slot> retiring() {
        return List.copyOf(retiring);
    }

    /** The newest version: the candidate while one has started, else the stable version. */
    synchronized SlotId newest() {
        return candidate().orElse(stable).id();
    }

    // ---------------------------------------------------------------- deploy, check, promote, scale down

    void deploy(DeploymentContext context) {
        Slot leftover;
        synchronized (this) {
            if (candidateOf(context) != null || isPromotedBy(context)) {
                return;
            }
            leftover = retireOtherCandidate(context);
            candidate = launch(context);
        }
        stop(leftover);
    }

    Health health(DeploymentContext context) {
        Candidate current;
        Slot promoted;
        Integer share;
        synchronized (this) {
            current = candidateOf(context);
            promoted = isPromotedBy(context) ? stable : null;
            share = current == null ? null : current.rollingShare;
        }
        if (current == null) {
            return promoted == null ? noCandidate(context) : probeAsReadiness(promoted);
        }
        Optional<Health> starting = notStarted(current);
        if (starting.isPresent()) {
            return starting.get();
        }
        Slot slot = current.start.join();
        Health readiness = probeAsReadiness(slot);
        if (!readiness.isHealthy() || share == null) {
            return readiness;
        }
        int effective =
                sandbox.effectiveWeights().map(w -> w.weightOf(slot.id())).orElse(0);
        if (effective != share) {
            return Health.progressing(
                    name(slot) + " is up; the proxy sends it " + effective + " %, not yet " + share + " %");
        }
        return Health.healthy(readiness.message() + "; the proxy sends it " + share + " %");
    }

    Health smokeCheck(DeploymentContext context) {
        Candidate current;
        Slot promoted;
        synchronized (this) {
            current = candidateOf(context);
            promoted = isPromotedBy(context) ? stable : null;
        }
        if (current == null) {
            return promoted == null ? noCandidate(context) : probeAsCheck(promoted);
        }
        Optional<Health> starting = notStarted(current);
        return starting.isPresent() ? starting.get() : probeAsCheck(current.start.join());
    }

    /** Where the candidate of {@code context} answers directly, not through the proxy, once it has started. */
    synchronized Optional<java.net.URI> previewUrl(DeploymentContext context) {
        Candidate current = candidateOf(context);
        return current == null ? Optional.empty() : current.slot().map(Slot::baseUri);
    }

    void promote(DeploymentContext context) {
        List<Slot> retired = new ArrayList<>();
        synchronized (this) {
            if (isPromotedBy(context)) {
                sendAllTo(stable);
                return;
            }
            Candidate current = requireCandidate(context);
            Slot slot = requireStarted(current);
            Slot old = stable;
            sandbox.setWeights(Weights.all(slot.id()));
            if (kept != null) {
                // Only one previous version is kept: the one this promote replaces.
                retired.add(kept.slot());
            }
            if (current.rollingShare == null) {
                kept = new Kept(context.rolloutId(), old);
            } else {
                // A rolling update has replaced every instance of the old version by now.
                kept = null;
                retired.add(old);
            }
            versionBefore = old.version();
            stable = slot;
            stableRollout = context.rolloutId();
            candidate = null;
        }
        retired.forEach(this::stop);
    }

    void scaleDownPrevious(DeploymentContext context) {
        Slot previous;
        synchronized (this) {
            if (kept == null || !kept.rolloutId().equals(context.rolloutId())) {
                return;
            }
            int weight = weightOf(kept.slot());
            if (weight > 0) {
                throw new TargetException("cannot scale down the previous version " + name(kept.slot()) + " of " + key
                        + ": the proxy still sends it " + weight + " %; set the weights first");
            }
            previous = kept.slot();
            kept = null;
        }
        stop(previous);
    }

    // ---------------------------------------------------------------- rollback

    /**
     * Sends all traffic back to the version that was stable before {@code context}'s rollout, at once, and
     * leaves that rollout's version to {@link #retire}. Before promote that is the stable slot, which never stopped; after a
     * blue-green promote it is the kept previous slot; after a rolling promote (whose previous slot is gone)
     * the previous version is started again first.
     */
    void rollback(DeploymentContext context) {
        List<Slot> retired = new ArrayList<>();
        String restart;
        synchronized (this) {
            Candidate current = candidateOf(context);
            if (current != null) {
                sendAllTo(stable);
                current.retired = true;
                candidate = null;
                current.slot().ifPresent(retired::add);
                restart = null;
            } else if (isPromotedBy(context) && kept != null && kept.rolloutId().equals(context.rolloutId())) {
                Slot previous = kept.slot();
                sandbox.setWeights(Weights.all(previous.id()));
                retired.add(stable);
                restored(previous);
                restart = null;
            } else if (isPromotedBy(context)) {
                restart = Objects.requireNonNull(versionBefore, "versionBefore");
            } else {
                // Nothing of this rollout runs any more: it was rolled back already.
                return;
            }
        }
        if (restart != null) {
            restartPrevious(context, restart).ifPresent(retired::add);
        }
        synchronized (this) {
            retiring.addAll(retired);
        }
    }

    /** Stops the slots rollbacks took traffic from; a slot leaves the list only once it stopped. */
    void retire() {
        List<Slot> due;
        synchronized (this) {
            due = List.copyOf(retiring);
        }
        for (Slot slot : due) {
            stop(slot);
            synchronized (this) {
                retiring.remove(slot);
            }
        }
    }

    /** Starts {@code version} again, sends it everything and returns the slot it replaces, if still to stop. */
    private Optional<Slot> restartPrevious(DeploymentContext context, String version) {
        Slot fresh = sandbox.startSlot(version);
        synchronized (this) {
            if (isPromotedBy(context)) {
                Slot bad = stable;
                sandbox.setWeights(Weights.all(fresh.id()));
                restored(fresh);
                return Optional.of(bad);
            }
        }
        // Rolled back meanwhile by another call: the fresh slot is not needed.
        return Optional.of(fresh);
    }

    private void restored(Slot slot) {
        stable = slot;
        stableRollout = null;
        versionBefore = null;
        kept = null;
    }

    // ---------------------------------------------------------------- weights (router and rolling updater)

    /** Sends {@code percent} of the traffic to {@code context}'s candidate and the rest to stable. */
    synchronized void route(DeploymentContext context, int percent) {
        if (percent == 0) {
            sendAllTo(stable);
            return;
        }
        if (isPromotedBy(context)) {
            if (percent != 100) {
                throw new TargetException("rollout " + context.rolloutId() + " has promoted " + name(stable) + " on "
                        + key + "; its weight can no longer be set to " + percent + " %");
            }
            sendAllTo(stable);
            return;
        }
        Slot slot = requireStarted(requireCandidate(context));
        sandbox.setWeights(Weights.split(stable.id(), slot.id(), percent));
    }

    /** Whether the proxy's routing table in force sends {@code percent} to the candidate, the rest to stable. */
    synchronized boolean routes(DeploymentContext context, int percent) {
        Optional<Weights> weights = sandbox.effectiveWeights();
        if (weights.isEmpty()) {
            return false;
        }
        Candidate current = candidateOf(context);
        Optional<Slot> slot = current == null ? Optional.empty() : current.slot();
        if (slot.isEmpty()) {
            boolean allOnStable = weights.get().weightOf(stable.id()) == 100;
            return allOnStable && (percent == 0 || (percent == 100 && isPromotedBy(context)));
        }
        return weights.get().weightOf(slot.get().id()) == percent
                && weights.get().weightOf(stable.id()) == 100 - percent;
    }

    /**
     * A rolling batch: starts the candidate if this rollout has none yet, and gives it {@code percent} of
     * the traffic as soon as it is up. The weight stands in for the share of replaced instances.
     */
    void rollTo(DeploymentContext context, int percent) {
        Slot leftover = null;
        synchronized (this) {
            if (isPromotedBy(context)) {
                return;
            }
            Candidate current = candidateOf(context);
            if (current == null) {
                leftover = retireOtherCandidate(context);
                current = launch(context);
                candidate = current;
            }
            current.rollingShare = percent;
            Optional<Slot> slot = current.slot();
            if (slot.isPresent()) {
                sandbox.setWeights(Weights.split(stable.id(), slot.get().id(), percent));
            }
        }
        stop(leftover);
    }

    // ---------------------------------------------------------------- helpers

    private Candidate launch(DeploymentContext context) {
        Candidate launched =
                new Candidate(context.rolloutId(), context.version().value());
        starter.execute(() -> {
            Slot slot;
            try {
                slot = sandbox.startSlot(launched.version);
            } catch (RuntimeException e) {
                launched.start.completeExceptionally(e);
                return;
            }
            if (adopt(launched, slot)) {
                // Rolled back while it was starting; nobody waits for it, so a failure to stop shows in the log.
                stop(slot);
            }
        });
        return launched;
    }

    /**
     * A candidate's slot is up: records it, under the lock so that a rollback sees either a started slot
     * (and stops it) or none (and this sees the candidate retired); gives it its rolling share. Returns
     * whether the slot is no longer wanted.
     */
    private synchronized boolean adopt(Candidate started, Slot slot) {
        started.start.complete(slot);
        if (started.retired) {
            return true;
        }
        if (started.rollingShare != null) {
            sandbox.setWeights(Weights.split(stable.id(), slot.id(), started.rollingShare));
        }
        return false;
    }

    /** Retires the candidate of another (ended) rollout, which must take no traffic; returns its slot to stop. */
    private Slot retireOtherCandidate(DeploymentContext context) {
        if (candidate == null) {
            return null;
        }
        Optional<Slot> slot = candidate.slot();
        int weight = slot.map(this::weightOf).orElse(0);
        if (weight > 0) {
            throw new TargetException("cannot deploy " + context.version() + " to " + key + ": the candidate "
                    + name(slot.get()) + " of rollout " + candidate.rolloutId + " still takes " + weight
                    + " % of the traffic; roll that rollout back first");
        }
        candidate.retired = true;
        candidate = null;
        return slot.orElse(null);
    }

    private Candidate candidateOf(DeploymentContext context) {
        return candidate != null && candidate.rolloutId.equals(context.rolloutId()) ? candidate : null;
    }

    private boolean isPromotedBy(DeploymentContext context) {
        return context.rolloutId().equals(stableRollout);
    }

    private Candidate requireCandidate(DeploymentContext context) {
        Candidate current = candidateOf(context);
        if (current == null) {
            throw new TargetException("rollout " + context.rolloutId() + " has no candidate in the sandbox of " + key
                    + ": it was rolled back or never deployed"
                    + (candidate == null
                            ? ""
                            : " (the candidate there belongs to rollout " + candidate.rolloutId + ")"));
        }
        return current;
    }

    private static Slot requireStarted(Candidate current) {
        if (!current.start.isDone()) {
            throw new TargetException(
                    "the candidate " + current.version + " is still starting; wait until it is" + " healthy");
        }
        try {
            return current.start.join();
        } catch (CompletionException e) {
            throw new TargetException(
                    "the candidate " + current.version + " did not start: " + describe(e.getCause()), e);
        }
    }

    private static Optional<Health> notStarted(Candidate current) {
        if (!current.start.isDone()) {
            return Optional.of(Health.progressing("starting version " + current.version));
        }
        if (current.start.isCompletedExceptionally()) {
            Throwable cause = current.start.handle((slot, failure) -> failure).join();
            Throwable root =
                    cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
            return Optional.of(Health.unhealthy("version " + current.version + " did not start: " + describe(root)));
        }
        return Optional.empty();
    }

    private Health noCandidate(DeploymentContext context) {
        return Health.unhealthy("no candidate of rollout " + context.rolloutId() + " runs in the sandbox of " + key
                + ": it was rolled back or never deployed");
    }

    /** Health as readiness: a slot whose health endpoint is not yet 200 may still become ready. */
    private Health probeAsReadiness(Slot slot) {
        if (!slot.isRunning()) {
            // A slot whose process exited never becomes ready: say so now rather than at the deadline.
            return Health.unhealthy(name(slot) + " is no longer running (its process exited or it was stopped),"
                    + " so it cannot become healthy; see its log for why");
        }
        HealthCheck check = sandbox.checkHealth(slot.id());
        return check.healthy()
                ? Health.healthy(name(slot) + ": " + check.detail())
                : Health.progressing(name(slot) + ": " + check.detail());
    }

    /** Health as a check before traffic: anything but 200, asked directly, fails it. */
    private Health probeAsCheck(Slot slot) {
        HealthCheck check = sandbox.checkHealth(slot.id());
        String what = name(slot) + ", asked directly (bypassing the proxy): " + check.detail();
        return check.healthy() ? Health.healthy(what) : Health.unhealthy(what);
    }

    private void sendAllTo(Slot slot) {
        Weights all = Weights.all(slot.id());
        if (!sandbox.effectiveWeights().filter(all::equals).isPresent()) {
            sandbox.setWeights(all);
        }
    }

    private int weightOf(Slot slot) {
        return sandbox.effectiveWeights().map(w -> w.weightOf(slot.id())).orElse(0);
    }

    /** Stops {@code slot} unless it is already gone; the caller has taken its weight away. */
    private void stop(Slot slot) {
        if (slot != null && sandbox.slot(slot.id()).isPresent()) {
            sandbox.stopSlot(slot.id());
        }
    }

    static String name(Slot slot) {
        return slot.id() + " (" + slot.version() + ")";
    }

    private static String describe(Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        return message == null || message.isBlank()
                ? (failure == null ? "unknown failure" : failure.getClass().getSimpleName())
                : message;
    }

    /** The candidate of one rollout: its start in progress or done, and its rolling share if it rolls. */
    private static final class Candidate {
        private final String rolloutId;
        private final String version;
        private final CompletableFuture<Slot> start = new CompletableFuture<>();
        /** Guarded by the ledger: the share of traffic a rolling batch asked for, or null when not rolling. */
        private Integer rollingShare;
        /** Guarded by the ledger: rolled back or replaced, so a slot that comes up late is stopped. */
        private boolean retired;

        Candidate(String rolloutId, String version) {
            this.rolloutId = rolloutId;
            this.version = version;
        }

        /** The slot, once it has started without failing. */
        Optional<Slot> slot() {
            return start.isDone() && !start.isCompletedExceptionally() ? Optional.of(start.join()) : Optional.empty();
        }
    }

    /**
     * The previous version kept after a promote, for instant rollback.
     *
     * @param rolloutId the rollout whose promote replaced it
     * @param slot its slot, at weight 0
     */
    private record Kept(String rolloutId, Slot slot) {}
}
