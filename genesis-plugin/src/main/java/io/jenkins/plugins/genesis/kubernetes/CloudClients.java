package io.jenkins.plugins.genesis.kubernetes;

import hudson.ExtensionPoint;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The clients of Kubernetes plugin clouds. The one implementation lives in its own class, registered
 * only when the Kubernetes plugin is installed, so the rest of the plugin loads without it.
 */
public interface CloudClients extends ExtensionPoint {

    /**
     * The client of the cloud called {@code name}, owned by the Kubernetes plugin (which caches it):
     * the caller must not close it.
     *
     * @throws IllegalArgumentException naming the cloud and the fix when there is no such Kubernetes cloud
     */
    KubernetesClient connect(String name);
}
