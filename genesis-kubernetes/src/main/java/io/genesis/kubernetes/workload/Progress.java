package io.genesis.kubernetes.workload;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a Deployment's rollout has come, read from its status the way {@code kubectl rollout
 * status} reads it: the controller must have observed the latest generation, every replica must
 * be updated and available, old replicas gone; a {@code ProgressDeadlineExceeded} condition is a
 * failure.
 *
 * @param state complete, progressing or failed
 * @param message one line for people, such as {@code 3 of 4 updated replicas available}
 */
public record Progress(State state, String message) {

    /** The reason the Deployment controller gives when a rollout stops making progress. */
    public static final String DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

    /** Where a rollout stands. */
    public enum State {
        COMPLETE,
        PROGRESSING,
        FAILED
    }

    public Progress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }

    /** Reads the rollout status of {@code deployment}. */
    public static Progress of(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        DeploymentStatus status = deployment.getStatus();
        Optional<Progress> unobserved = unobserved(deployment);
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        DeploymentCondition progressing = condition(status, "Progressing");
        if (progressing != null && DEADLINE_EXCEEDED.equals(progressing.getReason())) {
            String seconds = deployment.getSpec().getProgressDeadlineSeconds() == null
                    ? ""
                    : " of " + deployment.getSpec().getProgressDeadlineSeconds() + " s";
            return new Progress(
                    State.FAILED,
                    "deployment " + name + " exceeded its progress deadline" + seconds
                            + (progressing.getMessage() == null ? "" : ": " + progressing.getMessage())
                            + "; roll back, then check the pods' events and logs (kubectl describe pods)");
        }
        int desired = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        int updated = orZero(status.getUpdatedReplicas());
        int replicas = orZero(status.getReplicas());
        int available = orZero(status.getAvailableReplicas());
        if (updated < desired) {
            return new Progress(
                    State.PROGRESSING, "deployment " + name + ": " + updated + " of " + desired + " replicas updated");
        }
        if (replicas > updated) {
            return new Progress(
                    State.PROGRESSING,
                    "deployment " + name + ": " + (replicas - updated) + " old replicas pending termination");
        }
        if (available < updated) {
            return new Progress(
                    State.PROGRESSING,
                    "deployment " + name + ": " + available + " of " + updated + " updated replicas available");
        }
        return new Progress(
                State.COMPLETE,
                "deployment " + name + ": " + desired + " of " + desired + " replicas updated and available");
    }

    /**
     * Whether {@code deployment} can take all traffic at {@code replicas} pods: the controller has
     * observed its spec, it wants at least that many, and at least that many updated pods are
     * available (ready for {@code minReadySeconds}) — what Argo Rollouts' IsReplicaSetAvailable
     * asks before a switch. One ready pod is not enough. A progress deadline exceeded or a refused
     * pod ({@code ReplicaFailure}) is a failure.
     */
    public static Progress availableAt(Deployment deployment, int replicas) {
        String name = deployment.getMetadata().getName();
        DeploymentStatus status = deployment.getStatus();
        Optional<Progress> unobserved = unobserved(deployment);
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        DeploymentCondition failure = condition(status, "ReplicaFailure");
        if (failure != null && "True".equals(failure.getStatus())) {
            return new Progress(
                    State.FAILED,
                    "deployment " + name + " cannot create pods (ReplicaFailure " + failure.getReason() + ": "
                            + failure.getMessage() + "); free quota or capacity, then retry");
        }
        DeploymentCondition progressing = condition(status, "Progressing");
        if (progressing != null && DEADLINE_EXCEEDED.equals(progressing.getReason())) {
            return new Progress(
                    State.FAILED,
                    "deployment " + name + " exceeded its progress deadline"
                            + (progressing.getMessage() == null ? "" : ": " + progressing.getMessage())
                            + "; check its pods (kubectl describe pods)");
        }
        int desired = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        int available = Math.min(orZero(status.getAvailableReplicas()), orZero(status.getUpdatedReplicas()));
        Integer minReady = deployment.getSpec().getMinReadySeconds();
        String counted = minReady == null || minReady == 0 ? "" : " (ready for minReadySeconds " + minReady + " s)";
        if (desired < replicas || available < replicas) {
            return new Progress(
                    State.PROGRESSING,
                    "deployment " + name + ": " + available + " of " + replicas + " replicas available" + counted);
        }
        return new Progress(
                State.COMPLETE,
                "deployment " + name + ": " + available + " of " + replicas + " replicas available" + counted);
    }

    /** Progressing while the controller has not observed the Deployment's latest generation; its status says nothing yet. */
    private static Optional<Progress> unobserved(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        long generation = orZero(deployment.getMetadata().getGeneration());
        if (status == null || orZero(status.getObservedGeneration()) < generation) {
            return Optional.of(new Progress(
                    State.PROGRESSING,
                    "deployment " + deployment.getMetadata().getName()
                            + ": waiting for the controller to observe generation " + generation));
        }
        return Optional.empty();
    }

    public boolean isDone() {
        return state != State.PROGRESSING;
    }

    private static DeploymentCondition condition(DeploymentStatus status, String type) {
        if (status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
