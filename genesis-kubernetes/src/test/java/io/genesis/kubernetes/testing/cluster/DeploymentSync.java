package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.kubernetes.api.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the Deployment controller (pkg/controller/deployment): finds or creates the ReplicaSet of
 * the current pod template and gives it the next revision (sync.go, getNewReplicaSet; a template
 * that comes back reuses its ReplicaSet under a new number), then scales within maxSurge /
 * maxUnavailable (rolling.go, reconcileNewReplicaSet / reconcileOldReplicaSets, old unhealthy pods
 * first), or old to zero before new for {@code Recreate} (recreate.go). A paused Deployment starts
 * no new ReplicaSet and only scales (sync.go, sync). Old ReplicaSets beyond {@code
 * revisionHistoryLimit} are deleted once the rollout completes (sync.go, cleanupDeployment).
 * Status is written by {@link DeploymentStatusRules}.
 */
final class DeploymentSync implements Component {

    private final KubernetesClient client;
    private final String namespace;
    private final DeploymentStatusRules status;

    DeploymentSync(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.status = new DeploymentStatusRules(client, namespace);
    }

    @Override
    public boolean sync(Instant now) {
        boolean wrote = false;
        for (Deployment deployment :
                client.apps().deployments().inNamespace(namespace).list().getItems()) {
            wrote |= sync(deployment, now);
        }
        return wrote;
    }

    @Override
    public Optional<Instant> nextEvent(Instant now) {
        Instant next = null;
        for (Deployment deployment :
                client.apps().deployments().inNamespace(namespace).list().getItems()) {
            next = Times.earliest(next, status.deadline(deployment, now).orElse(null));
        }
        return Optional.ofNullable(next);
    }

    private boolean sync(Deployment deployment, Instant now) {
        List<ReplicaSet> owned = owned(deployment);
        String hash = hash(deployment.getSpec().getTemplate());
        ReplicaSet newest = owned.stream()
                .filter(rs -> hash.equals(rs.getMetadata().getLabels().get(Names.POD_TEMPLATE_HASH)))
                .findFirst()
                .orElse(null);
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        boolean wrote = false;
        if (paused) {
            wrote = scaleOnly(deployment, owned);
        } else {
            if (newest == null) {
                newest = create(deployment, owned, hash);
                wrote = true;
            } else {
                wrote = renumber(newest, owned);
            }
            ReplicaSet current = newest;
            List<ReplicaSet> old = owned.stream()
                    .filter(rs -> !rs.getMetadata()
                            .getName()
                            .equals(current.getMetadata().getName()))
                    .toList();
            wrote |= isRecreate(deployment) ? recreate(deployment, current, old) : roll(deployment, current, old);
        }
        List<ReplicaSet> after = owned(deployment);
        ReplicaSet current = newest == null
                ? null
                : after.stream()
                        .filter(rs -> hash.equals(rs.getMetadata().getLabels().get(Names.POD_TEMPLATE_HASH)))
                        .findFirst()
                        .orElse(null);
        wrote |= status.write(deployment, current, after, now);
        if (current != null && !paused && status.complete(deployment)) {
            wrote |= cleanUp(deployment, current, after);
        }
        return wrote;
    }

    /** rolling.go, rolloutRolling: scale new up within maxSurge, else old down within maxUnavailable. */
    private boolean roll(Deployment deployment, ReplicaSet current, List<ReplicaSet> old) {
        RollingArithmetic bounds = RollingArithmetic.of(deployment);
        int newSpec = spec(current);
        int allSpec = newSpec + old.stream().mapToInt(DeploymentSync::spec).sum();
        if (newSpec > bounds.replicas()) {
            return scale(current, bounds.replicas());
        }
        if (newSpec < bounds.replicas()) {
            int wanted = bounds.newReplicaSetReplicas(allSpec, newSpec);
            if (wanted != newSpec) {
                return scale(current, wanted);
            }
        }
        int oldSpec = old.stream().mapToInt(DeploymentSync::spec).sum();
        if (oldSpec == 0) {
            return false;
        }
        int newUnavailable = newSpec - available(current);
        int maxScaledDown = allSpec - bounds.minAvailable() - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        boolean wrote = false;
        // cleanupUnhealthyReplicas: old pods that are not available go first, within maxScaledDown.
        List<ReplicaSet> oldest = new ArrayList<>(old);
        oldest.sort(Comparator.comparingLong(DeploymentSync::revision));
        int budget = maxScaledDown;
        Map<String, Integer> specs = new LinkedHashMap<>();
        for (ReplicaSet rs : oldest) {
            int unhealthy = spec(rs) - available(rs);
            int cut = Math.min(Math.max(unhealthy, 0), budget);
            specs.put(rs.getMetadata().getName(), spec(rs) - cut);
            budget -= cut;
        }
        // scaleDownOldReplicaSetsForRollingUpdate: then available old pods, keeping minAvailable.
        int availableAll = available(current)
                + oldest.stream().mapToInt(DeploymentSync::available).sum();
        int toScaleDown = Math.min(availableAll - bounds.minAvailable(), budget);
        for (ReplicaSet rs : oldest) {
            int spec = specs.get(rs.getMetadata().getName());
            int cut = Math.max(0, Math.min(spec, toScaleDown));
            toScaleDown -= cut;
            if (spec - cut != spec(rs)) {
                wrote |= scale(rs, spec - cut);
            }
        }
        return wrote;
    }

    /** recreate.go: every old pod gone before the new ReplicaSet scales up. */
    private boolean recreate(Deployment deployment, ReplicaSet current, List<ReplicaSet> old) {
        boolean wrote = false;
        for (ReplicaSet rs : old) {
            if (spec(rs) > 0) {
                wrote |= scale(rs, 0);
            }
        }
        boolean oldGone = old.stream()
                .allMatch(rs -> rs.getStatus() == null
                        || rs.getStatus().getReplicas() == null
                        || rs.getStatus().getReplicas() == 0);
        if (oldGone && spec(current) != replicas(deployment)) {
            wrote |= scale(current, replicas(deployment));
        }
        return wrote;
    }

    /** sync.go, sync (paused): no new ReplicaSet; the one active ReplicaSet follows spec.replicas. */
    private boolean scaleOnly(Deployment deployment, List<ReplicaSet> owned) {
        List<ReplicaSet> active = owned.stream().filter(rs -> spec(rs) > 0).toList();
        if (active.size() == 1 && spec(active.get(0)) != replicas(deployment)) {
            return scale(active.get(0), replicas(deployment));
        }
        return false;
    }

    private boolean cleanUp(Deployment deployment, ReplicaSet current, List<ReplicaSet> owned) {
        Integer limit = deployment.getSpec().getRevisionHistoryLimit();
        int keep = limit == null ? 10 : limit;
        List<ReplicaSet> idle = owned.stream()
                .filter(rs -> rs != current
                        && !rs.getMetadata()
                                .getName()
                                .equals(current.getMetadata().getName()))
                .filter(rs -> spec(rs) == 0
                        && (rs.getStatus() == null || orZero(rs.getStatus().getReplicas()) == 0))
                .sorted(Comparator.comparingLong(DeploymentSync::revision))
                .toList();
        boolean wrote = false;
        for (int i = 0; i < idle.size() - keep; i++) {
            client.apps()
                    .replicaSets()
                    .inNamespace(namespace)
                    .resource(idle.get(i))
                    .delete();
            wrote = true;
        }
        return wrote;
    }

    private ReplicaSet create(Deployment deployment, List<ReplicaSet> owned, String hash) {
        String name = deployment.getMetadata().getName();
        long revision = owned.stream().mapToLong(DeploymentSync::revision).max().orElse(0) + 1;
        PodTemplateSpec template = Serialization.clone(deployment.getSpec().getTemplate());
        template.getMetadata().getLabels().put(Names.POD_TEMPLATE_HASH, hash);
        Map<String, String> selector =
                new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(Names.POD_TEMPLATE_HASH, hash);
        int allSpec = owned.stream().mapToInt(DeploymentSync::spec).sum();
        int replicas =
                isRecreate(deployment) ? 0 : RollingArithmetic.of(deployment).newReplicaSetReplicas(allSpec, 0);
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name + "-" + hash)
                .withNamespace(namespace)
                .withLabels(new HashMap<>(template.getMetadata().getLabels()))
                .withAnnotations(new HashMap<>(Map.of(Names.REVISION, Long.toString(revision))))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(name)
                        .withUid(deployment.getMetadata().getUid())
                        .withController(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withMinReadySeconds(deployment.getSpec().getMinReadySeconds())
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
        status.newReplicaSetCreated(name);
        return client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .resource(replicaSet)
                .create();
    }

    /** A template that comes back takes the next revision number (sync.go, getNewReplicaSet). */
    private boolean renumber(ReplicaSet current, List<ReplicaSet> owned) {
        long newest = owned.stream().mapToLong(DeploymentSync::revision).max().orElse(0);
        if (revision(current) == newest) {
            return false;
        }
        client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .withName(current.getMetadata().getName())
                .edit(rs -> {
                    rs.getMetadata().getAnnotations().put(Names.REVISION, Long.toString(newest + 1));
                    return rs;
                });
        current.getMetadata().getAnnotations().put(Names.REVISION, Long.toString(newest + 1));
        return true;
    }

    private boolean scale(ReplicaSet replicaSet, int replicas) {
        client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .withName(replicaSet.getMetadata().getName())
                .edit(rs -> {
                    rs.getSpec().setReplicas(replicas);
                    return rs;
                });
        replicaSet.getSpec().setReplicas(replicas);
        return true;
    }

    private List<ReplicaSet> owned(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return ReplicaSetController.replicaSets(client, namespace).stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences() != null
                        && rs.getMetadata().getOwnerReferences().stream()
                                .anyMatch(o -> "Deployment".equals(o.getKind()) && name.equals(o.getName())))
                .toList();
    }

    private static boolean isRecreate(Deployment deployment) {
        return deployment.getSpec().getStrategy() != null
                && "Recreate".equals(deployment.getSpec().getStrategy().getType());
    }

    /** The template's hash, as the controller's pod-template-hash label (computed over the template). */
    static String hash(PodTemplateSpec template) {
        PodTemplateSpec copy = Serialization.clone(template);
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            copy.getMetadata().getLabels().remove(Names.POD_TEMPLATE_HASH);
        }
        return Integer.toHexString(Serialization.asJson(copy).hashCode() & 0x7fffffff);
    }

    static long revision(ReplicaSet replicaSet) {
        Map<String, String> annotations = replicaSet.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Names.REVISION);
        return value == null ? 0 : Long.parseLong(value);
    }

    static int spec(ReplicaSet replicaSet) {
        return orZero(replicaSet.getSpec().getReplicas());
    }

    static int available(ReplicaSet replicaSet) {
        return replicaSet.getStatus() == null
                ? 0
                : orZero(replicaSet.getStatus().getAvailableReplicas());
    }

    static int replicas(Deployment deployment) {
        return deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
