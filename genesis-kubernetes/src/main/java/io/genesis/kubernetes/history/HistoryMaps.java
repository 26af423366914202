package io.genesis.kubernetes.history;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.core.target.DeploymentKey;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.ApiCall.Kind;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Names;
import io.genesis.kubernetes.api.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ConfigMaps that hold one namespace's deployment records: how they are named and labelled, and
 * every API request made on them. Each (application, environment) has a head ConfigMap
 * {@code genesis-history-<application>.<environment>} with the newest records and the names of its
 * chunks, which hold the older ones and never change once written.
 */
final class HistoryMaps {

    /** The label that marks Genesis' history ConfigMaps: {@code head} or {@code chunk}. */
    static final String ROLE = "genesis.io/history";

    static final String APPLICATION = "genesis.io/application";
    static final String ENVIRONMENT = "genesis.io/environment";

    /** The data key of the records, one JSON object per line, oldest first. */
    static final String RECORDS = "records.jsonl";

    /** The head's data key listing its chunks, one name per line, oldest first. */
    static final String CHUNKS = "chunks";

    /**
     * The head's data key saying that records the retention keeps were deleted because the store's own
     * bound on chunks forced it; every reader reports it.
     */
    static final String FORCED = "forced-deletion";

    static final String HEAD = "head";
    static final String CHUNK = "chunk";

    private final KubernetesClient client;
    private final String namespace;

    HistoryMaps(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("the namespace of the deployment records must not be blank");
        }
        this.namespace = namespace.trim();
    }

    String namespace() {
        return namespace;
    }

    /**
     * The head's name. Neither part may hold a dot, so the dot keeps {@code a-b}/{@code c} apart from
     * {@code a}/{@code b-c}; both parts are at most 63 characters, so the name stays far below the
     * 253 a ConfigMap may have.
     */
    static String headName(DeploymentKey key) {
        return "genesis-history-" + key.fileName();
    }

    Optional<ConfigMap> read(String name) {
        return Api.find(
                call("get", name),
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
    }

    /** Every head in the namespace, by name. */
    List<ConfigMap> heads() {
        List<ConfigMap> heads = new ArrayList<>(Api.call(
                call("list", ""),
                () -> client.configMaps()
                        .inNamespace(namespace)
                        .withLabel(ROLE, HEAD)
                        .list()
                        .getItems()));
        heads.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
        return heads;
    }

    /** Creates the head of {@code key}; a 409 means another writer created it first. */
    void createHead(DeploymentKey key, String records) {
        String name = headName(key);
        ConfigMap head = map(name, key, HEAD, Map.of(RECORDS, records, CHUNKS, ""), false);
        Api.call(
                call("create", name),
                () -> client.configMaps().inNamespace(namespace).resource(head).create());
    }

    /**
     * Writes {@code head} back with the resource version it was read with: a 409 means another writer
     * changed it in between, and this write did not happen.
     */
    void updateHead(ConfigMap head) {
        Api.call(
                call("update", head.getMetadata().getName()),
                () -> client.configMaps().inNamespace(namespace).resource(head).update());
    }

    /** Creates an immutable chunk named {@code name} holding {@code records}. */
    void createChunk(String name, DeploymentKey key, String records) {
        ConfigMap chunk = map(name, key, CHUNK, Map.of(RECORDS, records), true);
        Api.call(
                call("create", name),
                () -> client.configMaps().inNamespace(namespace).resource(chunk).create());
    }

    /** Deletes {@code name}; one already gone is no problem. */
    void delete(String name) {
        try {
            Api.call(
                    call("delete", name),
                    () -> client.configMaps()
                            .inNamespace(namespace)
                            .withName(name)
                            .delete());
        } catch (KubernetesApiException e) {
            if (e.problem() != Problem.NOT_FOUND) {
                throw e;
            }
        }
    }

    /** {@code ConfigMap genesis-history-shop.production in namespace prod}: how messages name one. */
    String describe(String name) {
        return "ConfigMap " + name + " in namespace " + namespace;
    }

    private ConfigMap map(String name, DeploymentKey key, String role, Map<String, String> data, boolean immutable) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Names.MANAGED_BY, "genesis");
        labels.put(ROLE, role);
        labels.put(APPLICATION, key.application());
        labels.put(ENVIRONMENT, key.environment());
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withData(new TreeMap<>(data))
                .withImmutable(immutable ? Boolean.TRUE : null)
                .build();
    }

    private ApiCall call(String verb, String name) {
        return ApiCall.of(verb, Kind.CONFIG_MAP, namespace, name);
    }
}
