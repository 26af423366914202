package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.api.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Deployment's status as the controller writes it: counts summed over its ReplicaSets
 * (sync.go, calculateStatus), {@code Available} when at least replicas − maxUnavailable are
 * available, and {@code Progressing} as progress.go keeps it — {@code NewReplicaSetAvailable} once
 * complete, {@code ReplicaSetUpdated} with a fresh lastUpdateTime whenever counts move, {@code
 * ProgressDeadlineExceeded} once {@code progressDeadlineSeconds} passed without progress (never
 * while paused: {@code DeploymentPaused}), and {@code ReplicaFailure} copied from a ReplicaSet
 * whose pods are refused. The revision annotation follows the new ReplicaSet's.
 */
final class DeploymentStatusRules {

    private final KubernetesClient client;
    private final String namespace;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> complete = new ConcurrentHashMap<>();

    DeploymentStatusRules(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void newReplicaSetCreated(String deployment) {
        created.add(deployment);
    }

    boolean complete(Deployment deployment) {
        return complete.getOrDefault(deployment.getMetadata().getName(), false);
    }

    /** When the Deployment times out if nothing moves (a second after, as DeploymentTimedOut compares strictly). */
    Optional<Instant> deadline(Deployment deployment, Instant now) {
        DeploymentStatus status = deployment.getStatus();
        Integer seconds = deployment.getSpec().getProgressDeadlineSeconds();
        if (status == null
                || seconds == null
                || Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            return Optional.empty();
        }
        DeploymentCondition progressing = condition(status.getConditions(), "Progressing");
        if (progressing == null || !"ReplicaSetUpdated".equals(progressing.getReason())) {
            return Optional.empty();
        }
        Instant at = Times.parse(progressing.getLastUpdateTime()).orElse(now).plus(Duration.ofSeconds(seconds + 1L));
        return at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }

    boolean write(Deployment deployment, ReplicaSet current, List<ReplicaSet> owned, Instant now) {
        String name = deployment.getMetadata().getName();
        int replicas = DeploymentSync.replicas(deployment);
        int total = sum(owned, StatusField.REPLICAS);
        int updated = current == null || current.getStatus() == null
                ? 0
                : DeploymentSync.orZero(current.getStatus().getReplicas());
        int ready = sum(owned, StatusField.READY);
        int available = sum(owned, StatusField.AVAILABLE);
        DeploymentStatus old = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        boolean isComplete = current != null
                && updated == replicas
                && total == replicas
                && available == replicas
                && DeploymentSync.spec(current) == replicas;
        complete.put(name, isComplete);
        boolean moved = created.remove(name)
                || updated > DeploymentSync.orZero(old.getUpdatedReplicas())
                || ready > DeploymentSync.orZero(old.getReadyReplicas())
                || available > DeploymentSync.orZero(old.getAvailableReplicas())
                || total < DeploymentSync.orZero(old.getReplicas())
                || !Objects.equals(deployment.getMetadata().getGeneration(), old.getObservedGeneration());
        List<DeploymentCondition> conditions = new ArrayList<>();
        int minAvailable = RollingArithmetic.of(deployment).minAvailable();
        conditions.add(keep(
                old,
                available >= minAvailable
                        ? condition(
                                "Available",
                                "True",
                                "MinimumReplicasAvailable",
                                "Deployment has minimum availability.",
                                now)
                        : condition(
                                "Available",
                                "False",
                                "MinimumReplicasUnavailable",
                                "Deployment does not have minimum availability.",
                                now),
                false));
        conditions.add(progressing(deployment, old, paused, isComplete, moved, current, now));
        replicaFailure(owned)
                .ifPresent(failure -> conditions.add(keep(
                        old, condition("ReplicaFailure", "True", "FailedCreate", failure.getMessage(), now), false)));
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(total)
                .withUpdatedReplicas(updated)
                .withReadyReplicas(ready)
                .withAvailableReplicas(available)
                .withUnavailableReplicas(Math.max(0, replicas - available))
                .withConditions(conditions)
                .build();
        boolean wrote = false;
        if (!status.equals(old)) {
            client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
                d.setStatus(status);
                return d;
            });
            wrote = true;
        }
        if (current != null) {
            String revision = Long.toString(DeploymentSync.revision(current));
            Map<String, String> annotations = deployment.getMetadata().getAnnotations();
            if (annotations == null || !revision.equals(annotations.get(Names.REVISION))) {
                client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .edit(d -> {
                            Map<String, String> edited = d.getMetadata().getAnnotations() == null
                                    ? new HashMap<>()
                                    : new HashMap<>(d.getMetadata().getAnnotations());
                            edited.put(Names.REVISION, revision);
                            d.getMetadata().setAnnotations(edited);
                            return d;
                        });
                wrote = true;
            }
        }
        return wrote;
    }

    private DeploymentCondition progressing(
            Deployment deployment,
            DeploymentStatus old,
            boolean paused,
            boolean isComplete,
            boolean moved,
            ReplicaSet current,
            Instant now) {
        DeploymentCondition before = condition(old.getConditions(), "Progressing");
        if (paused) {
            return keep(
                    old, condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now), false);
        }
        String rs = current == null ? "" : current.getMetadata().getName();
        if (isComplete) {
            return keep(
                    old,
                    condition(
                            "Progressing",
                            "True",
                            "NewReplicaSetAvailable",
                            "ReplicaSet \"" + rs + "\" has successfully progressed.",
                            now),
                    false);
        }
        boolean resumed = before != null && "DeploymentPaused".equals(before.getReason());
        if (moved || resumed || before == null || "NewReplicaSetAvailable".equals(before.getReason())) {
            return condition(
                    "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"" + rs + "\" is progressing.", now);
        }
        if ("ProgressDeadlineExceeded".equals(before.getReason())) {
            return before;
        }
        Integer seconds = deployment.getSpec().getProgressDeadlineSeconds();
        Instant since = Times.parse(before.getLastUpdateTime()).orElse(now);
        if (seconds != null && since.plus(Duration.ofSeconds(seconds)).isBefore(now)) {
            return condition(
                    "Progressing",
                    "False",
                    "ProgressDeadlineExceeded",
                    "ReplicaSet \"" + rs + "\" has timed out progressing.",
                    now);
        }
        return before;
    }

    /** The old condition when only its timestamps would change, so status is written only on change. */
    private static DeploymentCondition keep(DeploymentStatus old, DeploymentCondition fresh, boolean touch) {
        DeploymentCondition before = condition(old.getConditions(), fresh.getType());
        if (!touch
                && before != null
                && Objects.equals(before.getStatus(), fresh.getStatus())
                && Objects.equals(before.getReason(), fresh.getReason())
                && Objects.equals(before.getMessage(), fresh.getMessage())) {
            return before;
        }
        return fresh;
    }

    private static Optional<ReplicaSetCondition> replicaFailure(List<ReplicaSet> owned) {
        return owned.stream()
                .filter(rs -> rs.getStatus() != null && rs.getStatus().getConditions() != null)
                .flatMap(rs -> rs.getStatus().getConditions().stream())
                .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    private static DeploymentCondition condition(List<DeploymentCondition> conditions, String type) {
        return conditions == null
                ? null
                : conditions.stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst()
                        .orElse(null);
    }

    private static DeploymentCondition condition(
            String type, String status, String reason, String message, Instant now) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastUpdateTime(Times.format(now))
                .withLastTransitionTime(Times.format(now))
                .build();
    }

    private static int sum(List<ReplicaSet> owned, StatusField field) {
        return owned.stream()
                .filter(rs -> rs.getStatus() != null)
                .mapToInt(rs -> DeploymentSync.orZero(
                        switch (field) {
                            case REPLICAS -> rs.getStatus().getReplicas();
                            case READY -> rs.getStatus().getReadyReplicas();
                            case AVAILABLE -> rs.getStatus().getAvailableReplicas();
                        }))
                .sum();
    }

    private enum StatusField {
        REPLICAS,
        READY,
        AVAILABLE
    }
}
