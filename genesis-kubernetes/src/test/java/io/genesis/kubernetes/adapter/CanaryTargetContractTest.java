package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.deployment;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Canary without a router: the Service selects both tracks and weights become replica counts. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryTargetContractTest extends KubernetesTargetContract {

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
                .resource(service("shop", labels("app", "shop")))
                .create();
        return Map.of(
                "namespace", NS,
                "deployment", "shop",
                "image", "reg/shop:1.1.0",
                "strategy", "canary",
                "promoteTimeoutSeconds", "5");
    }

    @Override
    ClusterView view() {
        return ClusterView.throughService(client, NS, "shop");
    }

    /** The Service selects both tracks, so the one starting canary pod takes 1 of 5 requests. */
    @Override
    protected double maximumTrafficToAFreshCandidate() {
        return 20.0;
    }

    /** Promote rolls the stable Deployment to the canary's template: the old pods go then. */
    @Override
    protected boolean keepsThePreviousVersionAfterPromote() {
        return false;
    }
}
