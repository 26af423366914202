package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Where a Service's traffic really goes: the ready endpoints of its EndpointSlices, which
 * kube-proxy and most gateways program from — not the pods its selector matches now. A selector
 * switch reaches them only once the EndpointSlice controller has written them, so "traffic is
 * back" is read here, not assumed from the write.
 */
public final class ServedEndpoints {

    /** The label the EndpointSlice controller puts on every slice of a Service. */
    public static final String SERVICE_NAME = "kubernetes.io/service-name";

    private final KubernetesClient client;
    private final String namespace;

    public ServedEndpoints(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * The names of the pods behind Service {@code service}'s ready endpoints. An endpoint without
     * the {@code ready} condition counts as ready, as the API documents; one that is not a pod
     * counts under its address.
     */
    public List<String> readyPods(String service) {
        List<EndpointSlice> slices = Api.call(
                        new ApiCall(
                                "list", Kind.ENDPOINT_SLICE.apiGroup(), Kind.ENDPOINT_SLICE.resource(), namespace, ""),
                        () -> client.discovery()
                                .v1()
                                .endpointSlices()
                                .inNamespace(namespace)
                                .withLabel(SERVICE_NAME, service)
                                .list())
                .getItems();
        return slices.stream()
                .filter(slice -> slice.getEndpoints() != null)
                .flatMap(slice -> slice.getEndpoints().stream())
                .filter(ServedEndpoints::ready)
                .map(ServedEndpoints::name)
                .toList();
    }

    private static boolean ready(Endpoint endpoint) {
        return endpoint.getConditions() == null
                || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
    }

    private static String name(Endpoint endpoint) {
        if (endpoint.getTargetRef() != null
                && "Pod".equals(endpoint.getTargetRef().getKind())) {
            return endpoint.getTargetRef().getName();
        }
        return String.join(",", endpoint.getAddresses());
    }
}
