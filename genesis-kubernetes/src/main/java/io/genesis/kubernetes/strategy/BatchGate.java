package io.genesis.kubernetes.strategy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.genesis.core.policy.Percentage;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.workload.JsonPatch;
import io.genesis.kubernetes.workload.Progress;
import io.genesis.kubernetes.workload.Workloads;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds a rolling update at the end of each batch. The Deployment controller rolls to the end
 * unless {@code spec.paused} is set (pkg/controller/deployment, syncDeployment: a paused Deployment
 * only scales), so the batch's share is recorded on the Deployment ({@code genesis.io/batch}) and
 * the Deployment is paused as soon as that many replicas run the new template; the batch is done
 * once they are available. A paused Deployment never reports a progress deadline: the engine's own
 * deadline bounds the wait. The next batch resumes it; rollback resumes it with the undo.
 */
final class BatchGate {

    private BatchGate() {}

    /** The share the Deployment is rolling to, absent when the whole update runs ungated. */
    static Optional<Percentage> share(Deployment deployment) {
        String value = Workloads.annotation(deployment, Names.BATCH);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Percentage share = Percentage.parse(Names.BATCH, value);
            return share.isBelow(Percentage.HUNDRED) ? Optional.of(share) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code 25}: the share as the annotation holds it. */
    static String format(Percentage share) {
        double value = share.value();
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** How many replicas run the new template at the end of a batch of {@code share}: rounded up, at least one. */
    static int replicas(int desired, Percentage share) {
        return Math.max(1, Math.min(desired, (int) Math.ceil(desired * share.value() / 100 - 1e-9)));
    }

    /** Adds to {@code patch} what lets the controller roll on. */
    static JsonPatch resume(JsonPatch patch) {
        return patch.add("/spec/paused", false);
    }

    /** The patch that holds the rollout where it is. */
    static JsonPatch hold() {
        return new JsonPatch().add("/spec/paused", true);
    }

    /** Whether the Deployment is paused. */
    static boolean paused(Deployment deployment) {
        return Boolean.TRUE.equals(deployment.getSpec().getPaused());
    }

    /** What the batch awaits, read from the Deployment and its current ReplicaSet. */
    static Verdict observe(Deployment deployment, Optional<ReplicaSet> current, Percentage share) {
        String name = deployment.getMetadata().getName();
        int desired = Workloads.replicas(deployment);
        int target = replicas(desired, share);
        String batch = "batch of " + share + " (" + target + " of " + desired + " replicas)";
        DeploymentStatus status = deployment.getStatus();
        long generation = orZero(deployment.getMetadata().getGeneration());
        if (status == null || orZero(status.getObservedGeneration()) < generation) {
            return Verdict.waiting(batch + ": waiting for the controller to observe generation " + generation);
        }
        Optional<Progress> failure = failure(deployment, status);
        if (failure.isPresent()) {
            return new Verdict(
                    Observation.unhealthy(batch + ": " + failure.get().message()), false);
        }
        int updated = orZero(status.getUpdatedReplicas());
        if (!paused(deployment)) {
            if (updated >= target) {
                return new Verdict(
                        Observation.progressing(batch + ": " + updated + " replicas run the new template;"
                                + " pausing deployment " + name + " to hold the batch"),
                        true);
            }
            return Verdict.waiting(
                    batch + ": deployment " + name + ": " + updated + " of " + target + " replicas updated");
        }
        int available = current.map(rs ->
                        orZero(rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas()))
                .orElse(0);
        int total = orZero(status.getAvailableReplicas());
        String counts = "deployment " + name + " paused with " + Math.min(available, updated) + " of " + target
                + " updated replicas available (" + total + " available in all)";
        if (updated >= target && available >= target) {
            return new Verdict(Observation.healthy(batch + " held: " + counts), false);
        }
        if (updated < target) {
            // Paused before the batch was reached (by hand, or a repeat after a crash): let it roll on.
            return Verdict.waiting(batch + ": " + counts + "; " + updated + " updated so far");
        }
        return Verdict.waiting(batch + ": " + counts);
    }

    private static Optional<Progress> failure(Deployment deployment, DeploymentStatus status) {
        if (status.getConditions() == null) {
            return Optional.empty();
        }
        for (DeploymentCondition condition : status.getConditions()) {
            boolean refused = "ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus());
            boolean late = "Progressing".equals(condition.getType())
                    && Progress.DEADLINE_EXCEEDED.equals(condition.getReason());
            if (refused || late) {
                Progress progress = Progress.availableAt(deployment, Workloads.replicas(deployment));
                return progress.state() == Progress.State.FAILED ? Optional.of(progress) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * What a health poll observed about a batch, and whether the Deployment is to be paused now.
     *
     * @param observation healthy once the batch is held and available
     * @param pause whether enough replicas run the new template and the rollout must stop here
     */
    record Verdict(Observation observation, boolean pause) {

        static Verdict waiting(String message) {
            return new Verdict(Observation.progressing(message), false);
        }
    }
}
