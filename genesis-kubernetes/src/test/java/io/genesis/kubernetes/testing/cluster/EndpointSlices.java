package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the EndpointSlice controller (pkg/controller/endpointslice) and kube-proxy: for every
 * Service with a selector, one slice {@code <service>-sim} labelled {@code
 * kubernetes.io/service-name} lists the matching pods that have an IP, each with {@code ready} =
 * the pod's Ready condition (endpointslice/utils.go, podToEndpoint). What the pods look like is
 * published only {@link Timings#endpoints} later — the controller batches updates and kube-proxy
 * programs the node after it — so a pod that stops being ready, or a Service that switches its
 * selector, keeps receiving traffic for that long.
 */
final class EndpointSlices implements Component {

    static final String SERVICE_NAME = "kubernetes.io/service-name";

    private final KubernetesClient client;
    private final String namespace;
    private final Duration delay;
    private final Map<String, Deque<Pending>> queued = new ConcurrentHashMap<>();

    /** Slices that follow the pods {@code delay} later. */
    EndpointSlices(KubernetesClient client, String namespace, Duration delay) {
        this.client = client;
        this.namespace = namespace;
        this.delay = delay;
    }

    @Override
    public boolean sync(Instant now) {
        List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
        boolean wrote = false;
        for (Service service : client.services().inNamespace(namespace).list().getItems()) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            String name = service.getMetadata().getName();
            List<Endpoint> desired = pods.stream()
                    .filter(p -> p.getMetadata().getLabels() != null
                            && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                    .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                    .map(EndpointSlices::endpoint)
                    .toList();
            Deque<Pending> queue = queued.computeIfAbsent(name, n -> new ArrayDeque<>());
            if (queue.isEmpty() || !queue.peekLast().endpoints().equals(desired)) {
                queue.addLast(new Pending(desired, now.plus(delay)));
            }
            Pending due = null;
            while (!queue.isEmpty() && !queue.peekFirst().dueAt().isAfter(now)) {
                due = queue.pollFirst();
            }
            if (due != null) {
                queue.addFirst(due);
                wrote |= publish(service, due.endpoints());
            }
        }
        return wrote;
    }

    @Override
    public Optional<Instant> nextEvent(Instant now) {
        return queued.values().stream()
                .flatMap(Deque::stream)
                .map(Pending::dueAt)
                .filter(at -> at.isAfter(now))
                .min(Comparator.naturalOrder());
    }

    private boolean publish(Service service, List<Endpoint> endpoints) {
        String name = service.getMetadata().getName() + "-sim";
        EndpointSlice current = client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (current != null && current.getEndpoints().equals(endpoints)) {
            return false;
        }
        EndpointSlice slice = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels(SERVICE_NAME, service.getMetadata().getName())
                .addToLabels("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
                .endMetadata()
                .withAddressType("IPv4")
                .withEndpoints(endpoints)
                .build();
        client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .resource(slice)
                .createOr(e -> e.update());
        return true;
    }

    private static Endpoint endpoint(Pod pod) {
        boolean ready = Kubelet.readySince(pod).isPresent();
        return new EndpointBuilder()
                .withAddresses(pod.getStatus().getPodIP())
                .withNewConditions()
                .withReady(ready)
                .withServing(ready)
                .withTerminating(false)
                .endConditions()
                .withTargetRef(new ObjectReferenceBuilder()
                        .withKind("Pod")
                        .withName(pod.getMetadata().getName())
                        .withNamespace(pod.getMetadata().getNamespace())
                        .withUid(pod.getMetadata().getUid())
                        .build())
                .build();
    }

    private record Pending(List<Endpoint> endpoints, Instant dueAt) {}
}
