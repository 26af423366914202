package io.jenkins.plugins.genesis.board;

import io.genesis.core.board.JobControls;
import io.genesis.core.board.RunningRow;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.StuckLocks;
import io.genesis.core.target.DeploymentKey;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The job page's buttons, translated to the engine: core's {@link JobControls} says whether the page may
 * act on a rollout or key at all, and the engine ({@link RolloutHost}) does the rest and judges the
 * request itself. Permissions are the action's to check before it gets here.
 */
final class JobButtons {

    /**
     * What a button did.
     *
     * @param accepted whether the engine took the request
     * @param message for the person who pressed it
     */
    record Outcome(boolean accepted, String message) {
        Outcome {
            Objects.requireNonNull(message, "message");
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }

    private final RolloutHost host;
    private final String job;
    private final JobControls controls;

    JobButtons(RolloutHost host, String job) {
        this.host = Objects.requireNonNull(host, "host");
        this.job = Objects.requireNonNull(job, "job");
        this.controls = new JobControls(job);
    }

    /** Rolls back the deployment {@code rolloutId} put in place; the engine's refusal goes to {@code refused}. */
    Outcome rollback(String rolloutId, String reason, String by, Consumer<String> refused) {
        if (blank(rolloutId)) {
            return Outcome.refused("say which deployment to roll back (rolloutId)");
        }
        return controls.refuseRollback(rolloutId, host.record(rolloutId))
                .map(Outcome::refused)
                .orElseGet(() -> {
                    host.rollbackAsked(rolloutId, reasonOr(reason, "rolled back", by), by, refused);
                    return new Outcome(true, "rolling back rollout " + rolloutId);
                });
    }

    /** Aborts the rollout {@code rolloutId} in progress: the engine rolls it back and records it. */
    Outcome abort(String rolloutId, String reason, String by, Consumer<String> refused) {
        if (blank(rolloutId)) {
            return Outcome.refused("say which rollout to abort (rolloutId)");
        }
        return controls.refuseAbort(rolloutId, host.rollout(rolloutId))
                .map(Outcome::refused)
                .orElseGet(() -> {
                    host.rollbackAsked(rolloutId, reasonOr(reason, "aborted", by), by, refused);
                    return new Outcome(true, "aborting rollout " + rolloutId);
                });
    }

    /** Whether the page may answer the approval rollout {@code rolloutId} waits for. */
    Outcome mayPromote(String rolloutId) {
        if (blank(rolloutId)) {
            return Outcome.refused("say which rollout to promote (rolloutId)");
        }
        RolloutStatus status = host.view(rolloutId).map(RolloutView::status).orElse(RolloutStatus.ABORTED);
        return controls.refusePromote(rolloutId, host.rollout(rolloutId), status)
                .map(Outcome::refused)
                .orElseGet(() -> new Outcome(true, "rollout " + rolloutId + " waits for approval"));
    }

    /** Releases the lock of {@code application} in {@code environment} when it is stuck. */
    Outcome releaseLock(String application, String environment) {
        DeploymentKey key;
        try {
            key = new DeploymentKey(application, environment);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(e.getMessage());
        }
        Set<DeploymentKey> deployedTo = new LinkedHashSet<>(host.deployedKeys(job));
        for (RunningRow row : host.inProgress(job)) {
            deployedTo.add(new DeploymentKey(row.application(), row.environment()));
        }
        return controls.refuseRelease(key, deployedTo).map(Outcome::refused).orElseGet(() -> {
            StuckLocks.Outcome released = host.releaseStuckLock(key);
            return new Outcome(released.released(), released.message());
        });
    }

    private static String reasonOr(String reason, String what, String by) {
        return blank(reason) ? what + " from the job page by " + by : reason.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
