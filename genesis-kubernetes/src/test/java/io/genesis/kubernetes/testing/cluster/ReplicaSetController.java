package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the ReplicaSet controller (pkg/controller/replicaset/replica_set.go, manageReplicas):
 * creates pods up to {@code spec.replicas}, deletes surplus ones choosing not-ready and
 * most-recently-ready pods first (pkg/controller/controller_utils.go, ActivePods ranking), and
 * writes {@code replicas}, {@code readyReplicas} and {@code availableReplicas} (ready for {@code
 * minReadySeconds}). Pod creation is admitted against the namespace's ResourceQuota {@code pods}
 * limit as the quota admission plugin does (plugin/pkg/admission/resourcequota); a refusal sets the
 * {@code ReplicaFailure} condition with reason {@code FailedCreate}
 * (pkg/controller/replicaset/replica_set_utils.go, calculateStatus).
 */
final class ReplicaSetController implements Component {

    static final String OWNER_KIND = "ReplicaSet";

    private final KubernetesClient client;
    private final String namespace;
    private final Kubelet kubelet;
    private final AtomicInteger names = new AtomicInteger();

    ReplicaSetController(KubernetesClient client, String namespace, Kubelet kubelet) {
        this.client = client;
        this.namespace = namespace;
        this.kubelet = kubelet;
    }

    /**
     * The namespace's ReplicaSets as the controllers' informers list them: from the API server's watch
     * cache ({@code resourceVersion=0}, client-go's reflector), a request distinct from a client's
     * plain list, so a fault a test injects for the code under test's list is not spent here.
     */
    static List<ReplicaSet> replicaSets(KubernetesClient client, String namespace) {
        return client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .list(new ListOptionsBuilder().withResourceVersion("0").build())
                .getItems();
    }

    @Override
    public boolean sync(Instant now) {
        boolean wrote = false;
        List<Pod> all = client.pods().inNamespace(namespace).list().getItems();
        for (ReplicaSet replicaSet : replicaSets(client, namespace)) {
            wrote |= sync(replicaSet, all, now);
        }
        return wrote;
    }

    private boolean sync(ReplicaSet replicaSet, List<Pod> all, Instant now) {
        String name = replicaSet.getMetadata().getName();
        List<Pod> owned = ownedBy(all, name);
        int desired = replicaSet.getSpec().getReplicas() == null
                ? 1
                : replicaSet.getSpec().getReplicas();
        boolean wrote = false;
        String failure = null;
        for (int i = owned.size(); i < desired; i++) {
            Optional<String> refused = quotaRefusal(all.size() + (i - owned.size()));
            if (refused.isPresent()) {
                failure = refused.get();
                break;
            }
            Pod pod = client.pods()
                    .inNamespace(namespace)
                    .resource(pod(replicaSet))
                    .create();
            kubelet.created(pod.getMetadata().getName(), image(pod), now);
            wrote = true;
        }
        if (owned.size() > desired) {
            Duration minReady = minReady(replicaSet);
            owned.stream()
                    .sorted(deletionOrder(minReady, now))
                    .limit(owned.size() - desired)
                    .forEach(pod ->
                            client.pods().inNamespace(namespace).resource(pod).delete());
            wrote = true;
        }
        if (wrote) {
            owned = ownedBy(client.pods().inNamespace(namespace).list().getItems(), name);
        }
        ReplicaSetStatus status = status(replicaSet, owned, failure, now);
        if (!status.equals(replicaSet.getStatus())) {
            client.apps().replicaSets().inNamespace(namespace).withName(name).editStatus(rs -> {
                rs.setStatus(status);
                return rs;
            });
            wrote = true;
        }
        return wrote;
    }

    @Override
    public Optional<Instant> nextEvent(Instant now) {
        Instant next = null;
        List<Pod> pods = null;
        for (ReplicaSet replicaSet : replicaSets(client, namespace)) {
            Duration minReady = minReady(replicaSet);
            if (minReady.isZero()) {
                continue;
            }
            if (pods == null) {
                pods = client.pods().inNamespace(namespace).list().getItems();
            }
            for (Pod pod : ownedBy(pods, replicaSet.getMetadata().getName())) {
                Optional<Instant> since = Kubelet.readySince(pod);
                if (since.isPresent() && since.get().plus(minReady).isAfter(now)) {
                    next = Times.earliest(next, since.get().plus(minReady));
                }
            }
        }
        return Optional.ofNullable(next);
    }

    private ReplicaSetStatus status(ReplicaSet replicaSet, List<Pod> owned, String failure, Instant now) {
        Duration minReady = minReady(replicaSet);
        ReplicaSetStatusBuilder status = new ReplicaSetStatusBuilder()
                .withObservedGeneration(replicaSet.getMetadata().getGeneration())
                .withReplicas(owned.size())
                .withReadyReplicas((int) owned.stream()
                        .filter(p -> Kubelet.readySince(p).isPresent())
                        .count())
                .withAvailableReplicas((int) owned.stream()
                        .filter(p -> Kubelet.available(p, minReady, now))
                        .count());
        if (failure != null) {
            ReplicaSetCondition previous = replicaFailure(replicaSet);
            status.withConditions(new ReplicaSetConditionBuilder()
                    .withType("ReplicaFailure")
                    .withStatus("True")
                    .withReason("FailedCreate")
                    .withMessage(failure)
                    .withLastTransitionTime(previous != null ? previous.getLastTransitionTime() : Times.format(now))
                    .build());
        }
        return status.build();
    }

    private static ReplicaSetCondition replicaFailure(ReplicaSet replicaSet) {
        if (replicaSet.getStatus() == null || replicaSet.getStatus().getConditions() == null) {
            return null;
        }
        return replicaSet.getStatus().getConditions().stream()
                .filter(c -> "ReplicaFailure".equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    /** The quota admission plugin's answer to one more pod, when it refuses. */
    private Optional<String> quotaRefusal(int used) {
        for (ResourceQuota quota :
                client.resourceQuotas().inNamespace(namespace).list().getItems()) {
            Quantity hard = quota.getSpec() == null || quota.getSpec().getHard() == null
                    ? null
                    : quota.getSpec().getHard().get("pods");
            if (hard != null && used + 1 > hard.getNumericalAmount().intValue()) {
                return Optional.of("pods is forbidden: exceeded quota: "
                        + quota.getMetadata().getName() + ", requested: pods=1, used: pods=" + used + ", limited: pods="
                        + hard.getAmount());
            }
        }
        return Optional.empty();
    }

    /** Not ready before ready, then the most recently ready first (controller.ActivePods, simplified). */
    private static Comparator<Pod> deletionOrder(Duration minReady, Instant now) {
        return Comparator.<Pod>comparingInt(p -> Kubelet.readySince(p).isPresent() ? 1 : 0)
                .thenComparingInt(p -> Kubelet.available(p, minReady, now) ? 1 : 0)
                .thenComparing(p -> Kubelet.readySince(p).orElse(Instant.MAX), Comparator.reverseOrder());
    }

    private Pod pod(ReplicaSet replicaSet) {
        Map<String, String> labels =
                new HashMap<>(replicaSet.getSpec().getTemplate().getMetadata().getLabels());
        OwnerReference owner = new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind(OWNER_KIND)
                .withName(replicaSet.getMetadata().getName())
                .withUid(replicaSet.getMetadata().getUid())
                .withController(true)
                .build();
        return new PodBuilder()
                .withNewMetadata()
                .withName(replicaSet.getMetadata().getName() + "-" + Integer.toString(names.incrementAndGet(), 36))
                .withNamespace(namespace)
                .withLabels(labels)
                .withOwnerReferences(owner)
                .endMetadata()
                .withSpec(Serialization.clone(replicaSet.getSpec().getTemplate().getSpec()))
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
    }

    static List<Pod> ownedBy(List<Pod> pods, String replicaSet) {
        return pods.stream()
                .filter(p -> p.getMetadata().getOwnerReferences() != null
                        && p.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> OWNER_KIND.equals(o.getKind()) && replicaSet.equals(o.getName())))
                .toList();
    }

    static Duration minReady(ReplicaSet replicaSet) {
        Integer seconds = replicaSet.getSpec().getMinReadySeconds();
        return Duration.ofSeconds(seconds == null ? 0 : seconds);
    }

    private static String image(Pod pod) {
        return pod.getSpec().getContainers().get(0).getImage();
    }
}
