package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Objects as a team would have them in its namespace before Genesis touches anything, and the
 * starting points of each strategy created from them on the mock API server.
 */
public final class Fixtures {

    public static final String NS = "test";

    private Fixtures() {}

    /** A Deployment whose selector and pod labels are {@code labels}, one container {@code web}. */
    public static Deployment deployment(String name, Map<String, String> labels, String image, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(new LinkedHashMap<>(labels))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withProgressDeadlineSeconds(600)
                .withNewSelector()
                .withMatchLabels(new LinkedHashMap<>(labels))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(new LinkedHashMap<>(labels))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage(image)
                .addNewPort()
                .withContainerPort(8080)
                .endPort()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    public static Service service(String name, Map<String, String> selector) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(Map.of("app", "shop"))
                .endMetadata()
                .withNewSpec()
                .withSelector(new LinkedHashMap<>(selector))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withProtocol("TCP")
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build();
    }

    /** An HTTPRoute {@code name} attached to gateway {@code public}, all traffic to Service {@code service}. */
    public static HTTPRoute route(String name, String service) {
        return new HTTPRouteBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withNewSpec()
                .addNewParentRef()
                .withName("public")
                .endParentRef()
                .addNewRule()
                .addNewBackendRef()
                .withName(service)
                .withPort(80)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build();
    }

    /**
     * Creates blue-green's starting point: Deployment {@code shop-blue} (slot blue) running 1.0.0,
     * and Service {@code shop} selecting it.
     */
    public static void createBlueGreen(KubernetesClient client, int replicas) {
        create(client, deployment("shop-blue", labels("app", "shop", "slot", "blue"), "reg/shop:1.0.0", replicas));
        create(client, service("shop", labels("app", "shop", "slot", "blue")));
    }

    /**
     * Creates canary's starting point: Deployment {@code shop} (track stable) running 1.0.0 on 4
     * pods, and Service {@code shop} selecting {@code serviceSelector}.
     */
    public static void createCanary(KubernetesClient client, Map<String, String> serviceSelector) {
        create(client, deployment("shop", labels("app", "shop", "track", "stable"), "reg/shop:1.0.0", 4));
        create(client, service("shop", serviceSelector));
    }

    /** Creates rolling's starting point: Deployment {@code shop} (app shop) running {@code image}. */
    public static void createRolling(KubernetesClient client, String image, int replicas) {
        create(client, deployment("shop", labels("app", "shop"), image, replicas));
    }

    /** Creates HTTPRoute {@code shop}, all traffic to Service {@code shop}. */
    public static void createRoute(KubernetesClient client) {
        create(client, route("shop", "shop"));
    }

    /** Creates Deployments, Services and HTTPRoutes in their own namespace, as {@code kubectl create} would. */
    public static void create(KubernetesClient client, HasMetadata object) {
        client.resource(object).create();
    }

    /**
     * Target settings for Deployment {@code shop} of the test namespace, rolling out
     * {@code reg/shop:1.1.0}, with {@code keyValues} (such as {@code "strategy", "canary"}) added.
     */
    public static Map<String, String> settings(String... keyValues) {
        Map<String, String> settings = labels("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0");
        settings.putAll(labels(keyValues));
        return settings;
    }

    public static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }
}
