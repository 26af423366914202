package io.genesis.core.board;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.JobNames;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.Stage;
import io.genesis.core.target.DeploymentKey;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job's page may do to rollouts: only to those its own builds started (or, for a lock, to an
 * application and environment its builds deploy to), so a permission granted on one job never reaches
 * another job's deployments. Each check answers why not, with what to do instead, or nothing when the
 * page may go on; the engine still judges the request itself (a rollback without a previous version, an
 * approval by someone the rules refuse).
 */
public final class JobControls {

    private final String job;

    /** The controls of the job (or folder) with full name {@code job}. */
    public JobControls(String job) {
        this.job = Objects.requireNonNull(job, "job");
    }

    /** Why the page may not roll back the deployment {@code record} describes (empty: it may). */
    public Optional<String> refuseRollback(String rolloutId, Optional<DeploymentRecord> record) {
        if (record.isEmpty()) {
            return Optional.of(
                    "no deployment " + rolloutId + " is recorded; pick one from the table of what runs where");
        }
        DeploymentRecord found = record.get();
        if (!JobNames.within(found.build(), job)) {
            return Optional.of(notOurs(rolloutId, found.build(), "roll it back"));
        }
        if (found.status() != RecordStatus.SUCCEEDED) {
            return Optional.of("rollout " + rolloutId + " ended " + found.status()
                    + ", so it does not run there any more; only a deployment that succeeded is rolled back");
        }
        return Optional.empty();
    }

    /** Why the page may not abort the rollout stored as {@code state} (empty: it may). */
    public Optional<String> refuseAbort(String rolloutId, Optional<RolloutState> state) {
        return inProgress(rolloutId, state, "abort it");
    }

    /** Why the page may not answer the approval of the rollout stored as {@code state}, which is {@code status}. */
    public Optional<String> refusePromote(String rolloutId, Optional<RolloutState> state, RolloutStatus status) {
        Optional<String> refused = inProgress(rolloutId, state, "promote it");
        if (refused.isPresent()) {
            return refused;
        }
        if (status != RolloutStatus.AWAITING_APPROVAL) {
            return Optional.of("rollout " + rolloutId + " is " + status + " and waits for no approval");
        }
        return Optional.empty();
    }

    /**
     * Why the page may not release the lock of {@code key}, given the applications and environments the
     * job's builds deploy to ({@code deployedTo}); empty: it may ask the engine, whose {@code StuckLocks}
     * rule decides whether the lock is stuck.
     */
    public Optional<String> refuseRelease(DeploymentKey key, Collection<DeploymentKey> deployedTo) {
        if (!deployedTo.contains(key)) {
            return Optional.of("no build of " + job + " deploys " + key.application() + " to " + key.environment()
                    + "; release the lock from the page of the job that does");
        }
        return Optional.empty();
    }

    private Optional<String> inProgress(String rolloutId, Optional<RolloutState> state, String what) {
        if (state.isEmpty() || state.get().stage() == Stage.DONE) {
            return Optional.of(
                    "rollout " + rolloutId + " is not in progress; it may have ended meanwhile (see the" + " history)");
        }
        String build = state.get().request().build();
        if (!JobNames.within(build, job)) {
            return Optional.of(notOurs(rolloutId, build, what));
        }
        return Optional.empty();
    }

    private String notOurs(String rolloutId, String build, String what) {
        return "rollout " + rolloutId + " was started by " + (build.isEmpty() ? "no build" : "build " + build)
                + ", not by a build of " + job + "; " + what + " from the page of the job that started it";
    }
}
