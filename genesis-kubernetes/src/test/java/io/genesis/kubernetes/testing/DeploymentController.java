package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.testing.cluster.EndpointSlices;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the Deployment controller against the mock API server, which has none: for each Deployment
 * it creates or reuses the ReplicaSet of the current pod template (with the revision annotation),
 * creates ready pods for it, removes the old ones, and writes the status a finished rollout has.
 * {@link #stall} instead writes the status of a rollout that exceeded its progress deadline. It runs
 * when told ({@link #reconcile}) or, after {@link #start}, on every Deployment change it watches.
 * Everything is instant here; {@link io.genesis.kubernetes.testing.cluster.SimulatedCluster} takes
 * the time a real cluster takes.
 *
 * <p>Kept only for the unit suites not moved yet (the canary and blue-green strategy tests,
 * {@code RolloutMeasurementsTest}, {@code KubernetesManifestsTest}, {@code
 * KubernetesDeploymentTargetTest}, {@code ClusterScopedSettingTest}, {@code LeaseFenceTest},
 * {@code KubernetesFaultInjectionITest} through {@link EngineOnCluster#start()}, and the CLI's
 * Kubernetes tests); none of them needs its leniency. The end-to-end suites, the target contract
 * and the undo-parity suite run on the simulated cluster.
 */
public final class DeploymentController implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Set<String> stalled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fake-deployment-controller");
        thread.setDaemon(true);
        return thread;
    });
    private Watch watch;
    private Watch serviceWatch;
    private final EndpointSlices slices;
    private final java.util.concurrent.atomic.AtomicInteger addresses = new java.util.concurrent.atomic.AtomicInteger();

    public DeploymentController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.slices = new EndpointSlices(client, namespace, Duration.ZERO);
    }

    /** From now on, reconciles every Deployment that changes. */
    public DeploymentController start() {
        watch = client.apps().deployments().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Deployment deployment) {
                if (action != Action.DELETED && needsWork(deployment)) {
                    worker.execute(() -> reconcile(deployment.getMetadata().getName()));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test ends the watch
            }
        });
        // A Service whose selector switches gets its EndpointSlices rewritten, as the endpointslice controller does.
        serviceWatch = client.services().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Service service) {
                worker.execute(DeploymentController.this::syncSlices);
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test ends the watch
            }
        });
        return this;
    }

    /** Makes the rollouts of {@code name} stall from now on, until {@link #unstall}. */
    public void stall(String name) {
        stalled.add(name);
        writeStalled(name);
    }

    public void unstall(String name) {
        stalled.remove(name);
    }

    /** Does what the controller does, at once, for every Deployment whose status lags its spec. */
    public synchronized void reconcileAll() {
        for (Deployment deployment :
                client.apps().deployments().inNamespace(namespace).list().getItems()) {
            if (needsWork(deployment)) {
                reconcile(deployment.getMetadata().getName());
            }
        }
        syncSlices();
    }

    /** Writes every Service's EndpointSlice from the pods now, at once. */
    public synchronized void syncSlices() {
        slices.sync(EngineOnCluster.T0);
    }

    /** Does what the controller does for Deployment {@code name}, at once. */
    public synchronized void reconcile(String name) {
        Deployment deployment = client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (deployment == null) {
            return;
        }
        if (stalled.contains(name)) {
            writeStalled(name);
            syncSlices();
            return;
        }
        int desired = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        ReplicaSet current = currentReplicaSet(deployment);
        for (Pod pod : client.pods()
                .inNamespace(namespace)
                .withLabel("owner", name)
                .list()
                .getItems()) {
            if (!current.getMetadata()
                    .getName()
                    .equals(pod.getMetadata().getLabels().get("replicaset"))) {
                client.pods().inNamespace(namespace).resource(pod).delete();
            }
        }
        List<Pod> pods = client.pods()
                .inNamespace(namespace)
                .withLabel("replicaset", current.getMetadata().getName())
                .list()
                .getItems();
        for (int i = pods.size(); i < desired; i++) {
            client.pods().inNamespace(namespace).resource(pod(current, name, i)).create();
        }
        for (int i = desired; i < pods.size(); i++) {
            client.pods().inNamespace(namespace).resource(pods.get(i)).delete();
        }
        client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .withName(current.getMetadata().getName())
                .editStatus(rs -> {
                    rs.setStatus(new ReplicaSetStatusBuilder()
                            .withObservedGeneration(rs.getMetadata().getGeneration())
                            .withReplicas(desired)
                            .withReadyReplicas(desired)
                            .withAvailableReplicas(desired)
                            .build());
                    return rs;
                });
        long revision = Long.parseLong(current.getMetadata().getAnnotations().get(Names.REVISION));
        if (!Long.toString(revision).equals(annotations(deployment).get(Names.REVISION))) {
            client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
                Map<String, String> annotations = new HashMap<>(annotations(d));
                annotations.put(Names.REVISION, Long.toString(revision));
                d.getMetadata().setAnnotations(annotations);
                return d;
            });
        }
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(desired)
                    .withUpdatedReplicas(desired)
                    .withReadyReplicas(desired)
                    .withAvailableReplicas(desired)
                    .withConditions(
                            condition("Available", "True", "MinimumReplicasAvailable"),
                            condition("Progressing", "True", "NewReplicaSetAvailable"))
                    .build());
            return d;
        });
        syncSlices();
    }

    private boolean needsWork(Deployment deployment) {
        if (stalled.contains(deployment.getMetadata().getName())) {
            return deployment.getStatus() == null
                    || !deployment
                            .getMetadata()
                            .getGeneration()
                            .equals(deployment.getStatus().getObservedGeneration());
        }
        return deployment.getStatus() == null
                || !deployment
                        .getMetadata()
                        .getGeneration()
                        .equals(deployment.getStatus().getObservedGeneration())
                || !Integer.valueOf(replicas(deployment))
                        .equals(deployment.getStatus().getAvailableReplicas());
    }

    private void writeStalled(String name) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(replicas(d) + 1)
                    .withUpdatedReplicas(1)
                    .withReadyReplicas(replicas(d))
                    .withAvailableReplicas(replicas(d))
                    .withConditions(
                            condition("Available", "True", "MinimumReplicasAvailable"),
                            condition("Progressing", "False", "ProgressDeadlineExceeded"))
                    .build());
            return d;
        });
    }

    private ReplicaSet currentReplicaSet(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        PodTemplateSpec template = Serialization.clone(deployment.getSpec().getTemplate());
        String hash = Integer.toHexString(Serialization.asJson(template).hashCode());
        List<ReplicaSet> owned = client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .withLabel("owner", name)
                .list()
                .getItems();
        long newest = owned.stream()
                .mapToLong(
                        rs -> Long.parseLong(rs.getMetadata().getAnnotations().get(Names.REVISION)))
                .max()
                .orElse(0);
        ReplicaSet match = owned.stream()
                .filter(rs -> hash.equals(rs.getMetadata().getLabels().get(Names.POD_TEMPLATE_HASH)))
                .findFirst()
                .orElse(null);
        if (match != null) {
            long revision = Long.parseLong(match.getMetadata().getAnnotations().get(Names.REVISION));
            if (revision != newest) {
                // Like the real controller, a template that comes back reuses its ReplicaSet under a new revision.
                return client.apps()
                        .replicaSets()
                        .inNamespace(namespace)
                        .resource(match)
                        .edit(rs -> {
                            rs.getMetadata().getAnnotations().put(Names.REVISION, Long.toString(newest + 1));
                            return rs;
                        });
            }
            return match;
        }
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put(Names.POD_TEMPLATE_HASH, hash);
        labels.put("owner", name);
        template.getMetadata().getLabels().put(Names.POD_TEMPLATE_HASH, hash);
        ReplicaSet replicaSet = new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name + "-" + hash)
                .withNamespace(namespace)
                .withLabels(labels)
                .withAnnotations(new HashMap<>(Map.of(Names.REVISION, Long.toString(newest + 1))))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(name)
                        .withUid(deployment.getMetadata().getUid())
                        .withController(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas(deployment))
                .withNewSelector()
                .withMatchLabels(Map.of(Names.POD_TEMPLATE_HASH, hash))
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
        return client.apps()
                .replicaSets()
                .inNamespace(namespace)
                .resource(replicaSet)
                .create();
    }

    private Pod pod(ReplicaSet replicaSet, String deployment, int index) {
        PodTemplateSpec template = replicaSet.getSpec().getTemplate();
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put("owner", deployment);
        labels.put("replicaset", replicaSet.getMetadata().getName());
        return new PodBuilder()
                .withNewMetadata()
                .withName(replicaSet.getMetadata().getName() + "-" + index)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withSpec(Serialization.clone(template.getSpec()))
                .withNewStatus()
                .withPhase("Running")
                .withPodIP("127.2." + (addresses.get() / 250) + "." + (addresses.getAndIncrement() % 250 + 1))
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime(EngineOnCluster.T0.toString())
                .endCondition()
                .endStatus()
                .build();
    }

    private static DeploymentCondition condition(String type, String status, String reason) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(type + " " + reason)
                .build();
    }

    private static Map<String, String> annotations(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static int replicas(Deployment deployment) {
        return deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
    }

    /** Stops watching and waits for the reconcile under way. */
    @Override
    public void close() throws InterruptedException {
        if (watch != null) {
            watch.close();
        }
        if (serviceWatch != null) {
            serviceWatch.close();
        }
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The pod names of Deployment {@code name}, for assertions. */
    public Set<String> pods(String name) {
        Set<String> names = new HashSet<>();
        client.pods()
                .inNamespace(namespace)
                .withLabel("owner", name)
                .list()
                .getItems()
                .forEach(p -> names.add(p.getMetadata().getName()));
        return names;
    }
}
