package io.genesis.kubernetes.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.api.Problem;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Deployments, ReplicaSets and pods of one namespace, as Genesis reads and changes them. Writes
 * are single JSON patches on the object (no read first where none is needed), so each change is
 * one API request.
 */
public final class Workloads {

    private final KubernetesClient client;
    private final String namespace;

    public Workloads(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    public String namespace() {
        return namespace;
    }

    public Optional<Deployment> find(String name) {
        return Api.find(
                call("get", name),
                () -> client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    /** The Deployment, or a not-found error that says how to create it. */
    public Deployment require(String name) {
        return find(name)
                .orElseThrow(() -> new KubernetesApiException(
                        call("get", name), Problem.NOT_FOUND, 404, "deployment '" + name + "' does not exist", null));
    }

    /**
     * Creates {@code deployment}. A 409 AlreadyExists for a Deployment that carries the same rollout
     * ({@code genesis.io/rollout}) is this create's own work whose answer was lost (a timeout, a
     * retried request): it is read back and returned, and the step goes on.
     */
    public Deployment create(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        try {
            return Api.call(
                    call("create", name),
                    () -> client.apps()
                            .deployments()
                            .inNamespace(namespace)
                            .resource(deployment)
                            .create());
        } catch (KubernetesApiException e) {
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            String rollout = annotation(deployment, Names.ROLLOUT);
            return find(name)
                    .filter(existing -> !rollout.isEmpty() && rollout.equals(annotation(existing, Names.ROLLOUT)))
                    .orElseThrow(() -> e);
        }
    }

    /** Applies {@code patch} to Deployment {@code name} in one request. */
    public Deployment patch(String name, JsonPatch patch) {
        return Api.call(
                call("patch", name),
                () -> client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .resource(stub(name))
                        .patch(PatchContext.of(PatchType.JSON), patch.toJson()));
    }

    /** Sets the desired replica count in one request. */
    public Deployment scale(String name, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
        }
        return patch(name, new JsonPatch().replace("/spec/replicas", replicas));
    }

    /** The rollout status of Deployment {@code name}, read once. */
    public Progress progress(String name) {
        return Progress.of(require(name));
    }

    /**
     * Follows Deployment {@code name} with a watch until its rollout completes or fails, at most
     * {@code timeout}; answers the last progress seen.
     */
    public Progress awaitRollout(String name, Duration timeout) {
        ApiCall watch = call("watch", name);
        try {
            Deployment done = Api.call(
                    watch,
                    () -> client.apps()
                            .deployments()
                            .inNamespace(namespace)
                            .withName(name)
                            .waitUntilCondition(
                                    d -> d != null && Progress.of(d).isDone(),
                                    timeout.toMillis(),
                                    TimeUnit.MILLISECONDS));
            return Progress.of(done);
        } catch (KubernetesApiException e) {
            if (e.getCause() instanceof KubernetesClientTimeoutException) {
                Progress last = progress(name);
                return new Progress(
                        last.state(),
                        last.message() + " (still not done after " + timeout.toSeconds() + " s of watching)");
            }
            throw e;
        }
    }

    /** The pods matching {@code labels} that are ready and not terminating. */
    public List<Pod> readyPods(Map<String, String> labels) {
        List<Pod> pods = Api.call(
                        new ApiCall("list", "", Kind.POD.resource(), namespace, ""),
                        () -> client.pods()
                                .inNamespace(namespace)
                                .withLabels(labels)
                                .list())
                .getItems();
        return pods.stream().filter(Workloads::ready).toList();
    }

    /**
     * The ReplicaSets Deployment {@code deployment} owns, newest revision first, each with its
     * revision number.
     */
    public List<Revision> revisions(Deployment deployment) {
        return ownedReplicaSets(deployment).stream()
                .map(rs -> new Revision(revision(rs), rs.getSpec().getTemplate(), annotation(rs, Names.CHANGE_CAUSE)))
                .filter(r -> r.number() > 0)
                .sorted(Comparator.comparingLong(Revision::number).reversed())
                .toList();
    }

    /**
     * The ReplicaSet of the Deployment's current revision (the one its pod template runs in), as
     * the controller numbered them; absent before the controller created it.
     */
    public Optional<ReplicaSet> currentReplicaSet(Deployment deployment) {
        long revision = revision(deployment);
        if (revision == 0) {
            return Optional.empty();
        }
        return ownedReplicaSets(deployment).stream()
                .filter(rs -> revision(rs) == revision)
                .findFirst();
    }

    /**
     * Puts the pod template of {@code revision} back into Deployment {@code name}, as {@code kubectl
     * rollout undo --to-revision} does; the controller then rolls back.
     */
    public Deployment undoTo(String name, long revision) {
        return undoTo(name, revision, Map.of(), false);
    }

    /**
     * As {@link #undoTo(String, long)}, setting {@code annotations} in the same patch, and as kubectl's
     * rollback (kubectl/pkg/polymorphichelpers/rollback.go, DeploymentRollbacker): a paused Deployment
     * is refused unless {@code resume} (Genesis paused it itself, between batches: the same patch
     * resumes it); a template that already matches the revision is not written again; the
     * revision's {@code kubernetes.io/change-cause} comes back with its template.
     */
    public Deployment undoTo(String name, long revision, Map<String, String> annotations, boolean resume) {
        Deployment deployment = require(name);
        boolean paused = Boolean.TRUE.equals(deployment.getSpec().getPaused());
        if (paused && !resume) {
            throw new IllegalStateException("deployment " + name + " is paused (kubectl rollout pause), and kubectl"
                    + " rollout undo refuses a paused Deployment too: resume it (kubectl rollout resume deployment/"
                    + name + ") and the rollback runs on the next attempt; nothing was written");
        }
        Revision target = revisions(deployment).stream()
                .filter(r -> r.number() == revision)
                .findFirst()
                .orElseThrow(() -> new KubernetesApiException(
                        call("get", name),
                        Problem.NOT_FOUND,
                        404,
                        "deployment '" + name + "' has no ReplicaSet of revision " + revision
                                + " left (revisionHistoryLimit may have pruned it)",
                        null));
        PodTemplateSpec template = withoutHash(target.template());
        JsonPatch patch = new JsonPatch();
        if (!template.equals(withoutHash(deployment.getSpec().getTemplate()))) {
            patch.replace("/spec/template", template);
        }
        Map<String, String> restored = new LinkedHashMap<>(annotations);
        if (!target.changeCause().isEmpty()) {
            restored.put(Names.CHANGE_CAUSE, target.changeCause());
        }
        if (!restored.isEmpty()) {
            patch.annotations(deployment.getMetadata().getAnnotations(), restored);
        }
        if (paused) {
            patch.add("/spec/paused", false);
        }
        return patch.isEmpty() ? deployment : patch(name, patch);
    }

    private static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        PodTemplateSpec copy = Serialization.clone(template);
        Map<String, String> labels = new HashMap<>(
                copy.getMetadata().getLabels() == null
                        ? Map.of()
                        : copy.getMetadata().getLabels());
        labels.remove(Names.POD_TEMPLATE_HASH);
        copy.getMetadata().setLabels(labels);
        return copy;
    }

    private List<ReplicaSet> ownedReplicaSets(Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        String uid = deployment.getMetadata().getUid();
        List<ReplicaSet> sets = Api.call(
                        new ApiCall("list", "apps", Kind.REPLICA_SET.resource(), namespace, ""),
                        () -> client.apps()
                                .replicaSets()
                                .inNamespace(namespace)
                                .withLabels(selector == null ? Map.of() : selector)
                                .list())
                .getItems();
        return sets.stream().filter(rs -> ownedBy(rs, uid)).toList();
    }

    /** The index of container {@code name} in {@code deployment}, or of its only container when name is empty. */
    public static int containerIndex(Deployment deployment, String name) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        if (name.isEmpty()) {
            if (containers.size() != 1) {
                throw new IllegalArgumentException(
                        "deployment " + deployment.getMetadata().getName() + " has "
                                + containers.size() + " containers "
                                + containers.stream().map(Container::getName).toList()
                                + ": name the container whose image Genesis sets");
            }
            return 0;
        }
        for (int i = 0; i < containers.size(); i++) {
            if (name.equals(containers.get(i).getName())) {
                return i;
            }
        }
        throw new IllegalArgumentException("deployment "
                + deployment.getMetadata().getName() + " has no container '" + name + "'; its containers are "
                + containers.stream().map(Container::getName).toList());
    }

    /** The revision the Deployment controller gave an object, or 0. */
    public static long revision(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Names.REVISION);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(key, "");
    }

    public static int replicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private static boolean ownedBy(HasMetadata object, String uid) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        return uid != null && owners != null && owners.stream().anyMatch(o -> uid.equals(o.getUid()));
    }

    private static boolean ready(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
            return false;
        }
        return pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private Deployment stub(String name) {
        return new DeploymentBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .build())
                .build();
    }

    private ApiCall call(String verb, String name) {
        return ApiCall.of(verb, Kind.DEPLOYMENT, namespace, name);
    }

    /**
     * One revision of a Deployment: the pod template its ReplicaSet runs.
     *
     * @param number the revision number
     * @param template the pod template
     * @param changeCause the revision's {@code kubernetes.io/change-cause}, empty when it has none
     */
    public record Revision(long number, PodTemplateSpec template, String changeCause) {}
}
