package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.labels;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Canary behind an HTTPRoute: stable and canary Services, one track each, split by weight. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryRouteTargetContractTest extends KubernetesTargetContract {

    KubernetesClient client;

    @Override
    Map<String, String> createStable() {
        createCanary(client, labels("app", "shop", "track", "stable"));
        createRoute(client);
        return Map.of("strategy", "canary", "httpRoute", "shop");
    }

    @Override
    KubernetesClient client() {
        return client;
    }

    /** Promote rolls the stable Deployment to the canary's template: the old pods go then. */
    @Override
    protected boolean keepsThePreviousVersionAfterPromote() {
        return false;
    }
}
