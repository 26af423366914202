package io.genesis.kubernetes.route;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.api.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The Services of one namespace: read them, switch their selectors, create a preview beside an active one. */
public final class Services {

    private final KubernetesClient client;
    private final String namespace;

    public Services(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    public Optional<Service> find(String name) {
        return Api.find(
                call("get", name),
                () -> client.services().inNamespace(namespace).withName(name).get());
    }

    /** The Service, or a not-found error that says how to create it. */
    public Service require(String name) {
        return find(name)
                .orElseThrow(() -> new KubernetesApiException(
                        call("get", name), Problem.NOT_FOUND, 404, "service '" + name + "' does not exist", null));
    }

    /**
     * Sets the selector of {@code service} to exactly {@code selector} (keys it drops are removed) and
     * the given annotations in ONE merge patch, guarded by the resource version that was read:
     * traffic moves at once, and a concurrent change fails with a conflict instead of being
     * overwritten.
     */
    public Service select(Service service, Map<String, String> selector, Map<String, String> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", service.getMetadata().getResourceVersion());
        metadata.put("annotations", annotations);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("metadata", metadata);
        // A merge patch merges maps: a key the new selector drops must be sent as null (RFC 7386) or it stays,
        // and the Service would select the intersection of old and new.
        Map<String, Object> selecting = new LinkedHashMap<>(selector);
        selector(service).keySet().stream()
                .filter(key -> !selector.containsKey(key))
                .forEach(key -> selecting.put(key, null));
        patch.put("spec", Map.of("selector", selecting));
        String name = service.getMetadata().getName();
        return Api.call(
                call("patch", name),
                () -> client.services()
                        .inNamespace(namespace)
                        .resource(service)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch)));
    }

    /**
     * Creates Service {@code name} with {@code active}'s ports and type ClusterIP, selecting {@code
     * selector}; labelled with that selector and {@code app.kubernetes.io/managed-by: genesis} only,
     * not with {@code active}'s labels (an {@code app.kubernetes.io/instance} copied from it would make
     * Argo CD prune the Service as missing from Git).
     */
    public Service createBeside(Service active, String name, Map<String, String> selector) {
        List<ServicePort> ports = active.getSpec().getPorts().stream()
                .map(p -> new io.fabric8.kubernetes.api.model.ServicePortBuilder()
                        .withName(p.getName())
                        .withPort(p.getPort())
                        .withProtocol(p.getProtocol())
                        .withTargetPort(p.getTargetPort())
                        .build())
                .toList();
        Service preview = new ServiceBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(namespace)
                        .withLabels(labels(selector))
                        .build())
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(selector)
                .withPorts(ports)
                .endSpec()
                .build();
        try {
            return Api.call(
                    call("create", name),
                    () -> client.services()
                            .inNamespace(namespace)
                            .resource(preview)
                            .create());
        } catch (KubernetesApiException e) {
            // AlreadyExists with the selector asked for: this create's answer was lost, the Service is there.
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            return find(name).filter(s -> selector.equals(selector(s))).orElseThrow(() -> e);
        }
    }

    private static Map<String, String> labels(Map<String, String> selector) {
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put(Names.MANAGED_BY, Names.FIELD_MANAGER);
        return labels;
    }

    public static Map<String, String> selector(Service service) {
        Map<String, String> selector = service.getSpec().getSelector();
        return selector == null ? Map.of() : selector;
    }

    private ApiCall call(String verb, String name) {
        return ApiCall.of(verb, Kind.SERVICE, namespace, name);
    }
}
