package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.route;
import static io.genesis.kubernetes.testing.Fixtures.service;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Blue-green behind a Gateway API HTTPRoute that splits traffic between active and preview. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenRouteTargetContractTest extends KubernetesTargetContract {

    KubernetesClient client;

    @Override
    KubernetesClient client() {
        return client;
    }

    @Override
    Map<String, String> createStable() {
        client.apps()
                .deployments()
                .inNamespace(NS)
                .resource(deployment("shop-blue", labels("app", "shop", "slot", "blue"), "reg/shop:1.0.0", 2))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", labels("app", "shop", "slot", "blue")))
                .create();
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(route("shop", "shop"))
                .create();
        return Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0", "httpRoute", "shop");
    }

    @Override
    ClusterView view() {
        return ClusterView.throughRoute(client, NS, "shop");
    }
}
