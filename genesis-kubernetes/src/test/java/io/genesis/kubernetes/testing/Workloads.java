package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * The Deployments, Services and ConfigMaps of the test namespace as the mock API server holds
 * them, read back for assertions.
 */
public final class Workloads {

    private final KubernetesClient client;

    public Workloads(KubernetesClient client) {
        this.client = client;
    }

    /** Deployment {@code name}, or null when there is none. */
    public Deployment deployment(String name) {
        return client.apps()
                .deployments()
                .inNamespace(Fixtures.NS)
                .withName(name)
                .get();
    }

    /** The replicas Deployment {@code name} asks for; fails when there is no such Deployment. */
    public int replicas(String name) {
        return existing(name).getSpec().getReplicas();
    }

    /** As {@link #replicas(String)}, with 0 for a Deployment that does not exist (yet, or any more). */
    public int replicasOrZero(String name) {
        Deployment deployment = deployment(name);
        return deployment == null ? 0 : deployment.getSpec().getReplicas();
    }

    /** The image of Deployment {@code name}'s first container; fails when there is no such Deployment. */
    public String image(String name) {
        return image(existing(name));
    }

    /** The image of {@code deployment}'s first container. */
    public static String image(Deployment deployment) {
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    /** The selector of Service {@code name}. */
    public Map<String, String> selector(String name) {
        return client.services()
                .inNamespace(Fixtures.NS)
                .withName(name)
                .get()
                .getSpec()
                .getSelector();
    }

    /** ConfigMap {@code name}, or null when there is none. */
    public ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(Fixtures.NS).withName(name).get();
    }

    private Deployment existing(String name) {
        Deployment deployment = deployment(name);
        if (deployment == null) {
            throw new AssertionError("no Deployment " + name + " in namespace " + Fixtures.NS);
        }
        return deployment;
    }
}
