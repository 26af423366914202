package io.genesis.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test stand-in for server-side apply, which the 7.3.1 mock answers with 415: creates or updates
 * the object so the applier's effect can be checked in CRUD mode, and records dry runs instead of
 * sending them (the mock would store a dry-run write).
 */
public final class CreateOrUpdateWriter implements ManifestWriter {

    private final KubernetesClient client;
    /** {@code dry-run Kind/name} and {@code write Kind/name}, in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public CreateOrUpdateWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public HasMetadata write(HasMetadata object, String namespace, boolean dryRun) {
        calls.add((dryRun ? "dry-run " : "write ") + object.getKind() + "/"
                + object.getMetadata().getName());
        if (dryRun) {
            return object;
        }
        return client.resource(object).inNamespace(namespace).createOr(NonDeletingOperation::update);
    }
}
