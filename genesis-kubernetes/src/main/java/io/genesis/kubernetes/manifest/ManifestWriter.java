package io.genesis.kubernetes.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Writes one manifest object to the cluster. */
@FunctionalInterface
public interface ManifestWriter {

    /**
     * Writes {@code object} into {@code namespace}; with {@code dryRun} the server validates and
     * answers without storing anything.
     */
    HasMetadata write(HasMetadata object, String namespace, boolean dryRun);
}
