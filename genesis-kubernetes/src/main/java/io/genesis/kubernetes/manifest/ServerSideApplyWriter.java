package io.genesis.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.genesis.kubernetes.api.Api;
import io.genesis.kubernetes.api.ApiCall;
import io.genesis.kubernetes.api.Names;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes manifests with server-side apply as field manager {@code genesis}, forcing ownership of
 * the fields the manifest sets: Genesis deploys what the repository says, even over a hand edit.
 */
public final class ServerSideApplyWriter implements ManifestWriter {

    private final KubernetesClient client;

    public ServerSideApplyWriter(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public HasMetadata write(HasMetadata object, String namespace, boolean dryRun) {
        ApiCall call = new ApiCall(
                "patch",
                group(object),
                HasMetadata.getPlural(object.getClass()) == null
                        ? object.getKind().toLowerCase(Locale.ROOT) + "s"
                        : HasMetadata.getPlural(object.getClass()),
                namespace,
                object.getMetadata().getName());
        return Api.call(
                call,
                () -> client.resource(object)
                        .inNamespace(namespace)
                        .dryRun(dryRun)
                        .fieldManager(Names.FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply());
    }

    static String group(HasMetadata object) {
        String apiVersion = object.getApiVersion();
        return apiVersion != null && apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}
