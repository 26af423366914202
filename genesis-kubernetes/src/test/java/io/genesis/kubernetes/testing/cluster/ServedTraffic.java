package io.genesis.kubernetes.testing.cluster;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where requests really go, read the way the data plane sees it: a Service's share goes evenly to
 * the ready endpoints of its EndpointSlices (not to the pods its selector matches now), a route's
 * share follows the weights its gateway last programmed (not the ones last written).
 */
public final class ServedTraffic {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<String, String> images;
    private final Function<String, Map<String, Integer>> programmed;

    ServedTraffic(
            KubernetesClient client,
            String namespace,
            Function<String, String> images,
            Function<String, Map<String, Integer>> programmed) {
        this.client = client;
        this.namespace = namespace;
        this.images = images;
        this.programmed = programmed;
    }

    /** Ready endpoints of Service {@code service}, as kube-proxy routes to them. */
    public List<Endpoint> readyEndpoints(String service) {
        return client
                .discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabel(EndpointSlices.SERVICE_NAME, service)
                .list()
                .getItems()
                .stream()
                .map(EndpointSlice::getEndpoints)
                .flatMap(List::stream)
                .filter(e -> Boolean.TRUE.equals(e.getConditions().getReady()))
                .toList();
    }

    /** Share (0–1) of Service {@code service}'s requests that reach pods of {@code image}; 0 when none is ready. */
    public double serviceShare(String service, String image) {
        List<Endpoint> ready = readyEndpoints(service);
        if (ready.isEmpty()) {
            return 0;
        }
        return ready.stream()
                        .filter(e -> image.equals(images.apply(e.getTargetRef().getName())))
                        .count()
                / (double) ready.size();
    }

    /** The backend weights route {@code route}'s gateway last programmed (empty before it programmed any). */
    public Map<String, Integer> programmedWeights(String route) {
        return programmed.apply(route);
    }

    /** Share (0–1) of route {@code route}'s requests that reach pods of {@code image}. */
    public double routeShare(String route, String image) {
        Map<String, Integer> weights = programmed.apply(route);
        double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 0;
        }
        double share = 0;
        for (Map.Entry<String, Integer> backend : weights.entrySet()) {
            share += backend.getValue() / total * serviceShare(backend.getKey(), image);
        }
        return share;
    }
}
