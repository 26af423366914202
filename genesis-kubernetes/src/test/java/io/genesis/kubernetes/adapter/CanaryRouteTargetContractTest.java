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

/** Canary behind an HTTPRoute: stable and canary Services, one track each, split by weight. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryRouteTargetContractTest extends KubernetesTargetContract {

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
                .resource(deployment("shop", labels("app", "shop", "track", "stable"), "reg/shop:1.0.0", 4))
                .create();
        client.services()
                .inNamespace(NS)
                .resource(service("shop", labels("app", "shop", "track", "stable")))
                .create();
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(route("shop", "shop"))
                .create();
        return Map.of(
                "namespace", NS,
                "deployment", "shop",
                "image", "reg/shop:1.1.0",
                "strategy", "canary",
                "httpRoute", "shop",
                "promoteTimeoutSeconds", "5");
    }

    @Override
    ClusterView view() {
        return ClusterView.throughRoute(client, NS, "shop");
    }

    /** Promote rolls the stable Deployment to the canary's template: the old pods go then. */
    @Override
    protected boolean keepsThePreviousVersionAfterPromote() {
        return false;
    }
}
