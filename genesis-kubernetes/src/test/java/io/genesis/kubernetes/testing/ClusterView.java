package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where user traffic really goes in the mock cluster, read from the objects rather than from
 * Genesis: requests enter through an HTTPRoute (split by backend weight) or one Service, and each
 * Service spreads its share evenly over the pods its selector matches.
 */
public final class ClusterView {

    private final KubernetesClient client;
    private final String namespace;
    private final String entry;
    private final boolean route;

    private ClusterView(KubernetesClient client, String namespace, String entry, boolean route) {
        this.client = client;
        this.namespace = namespace;
        this.entry = entry;
        this.route = route;
    }

    /** Users reach the application through Service {@code name}. */
    public static ClusterView throughService(KubernetesClient client, String namespace, String name) {
        return new ClusterView(client, namespace, name, false);
    }

    /** Users reach the application through HTTPRoute {@code name}. */
    public static ClusterView throughRoute(KubernetesClient client, String namespace, String name) {
        return new ClusterView(client, namespace, name, true);
    }

    /** The share of traffic, in percent rounded to hundredths, that pods running {@code version} receive. */
    public double trafficTo(String version) {
        double share = 0;
        for (Map.Entry<String, Double> backend : backends().entrySet()) {
            share += backend.getValue() * podShare(backend.getKey(), version);
        }
        return Math.round(share * 10_000) / 100.0;
    }

    /** Whether any pod of the namespace runs {@code version}. */
    public boolean runs(String version) {
        return client.pods().inNamespace(namespace).list().getItems().stream().anyMatch(pod -> runs(pod, version));
    }

    /** Pods of the namespace running {@code version}. */
    public long pods(String version) {
        return client.pods().inNamespace(namespace).list().getItems().stream()
                .filter(pod -> runs(pod, version))
                .count();
    }

    /** The route's backends and their weights, such as {@code {shop=9000, shop-preview=1000}}. */
    public Map<String, Integer> weights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (HTTPBackendRef ref : route().getSpec().getRules().get(0).getBackendRefs()) {
            weights.put(ref.getName(), ref.getWeight() == null ? 1 : ref.getWeight());
        }
        return weights;
    }

    private Map<String, Double> backends() {
        if (!route) {
            return Map.of(entry, 1.0);
        }
        Map<String, Integer> weights = weights();
        double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        weights.forEach((name, weight) -> shares.put(name, total == 0 ? 0 : weight / total));
        return shares;
    }

    private double podShare(String serviceName, String version) {
        Service service =
                client.services().inNamespace(namespace).withName(serviceName).get();
        if (service == null) {
            return 0;
        }
        List<Pod> pods = client.pods()
                .inNamespace(namespace)
                .withLabels(service.getSpec().getSelector())
                .list()
                .getItems();
        if (pods.isEmpty()) {
            return 0;
        }
        return pods.stream().filter(pod -> runs(pod, version)).count() / (double) pods.size();
    }

    private HTTPRoute route() {
        return client.resources(HTTPRoute.class)
                .inNamespace(namespace)
                .withName(entry)
                .get();
    }

    private static boolean runs(Pod pod, String version) {
        return pod.getSpec().getContainers().stream().anyMatch(c -> c.getImage().endsWith(":" + version));
    }
}
