package io.genesis.kubernetes.testing;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Objects as a team would have them in its namespace before Genesis touches anything. */
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

    public static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }
}
