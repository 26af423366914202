package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.labels;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Canary without a router: the Service selects both tracks and weights become replica counts. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryTargetContractTest extends KubernetesTargetContract {

    KubernetesClient client;

    @Override
    Map<String, String> createStable() {
        createCanary(client, labels("app", "shop"));
        return Map.of("strategy", "canary");
    }

    @Override
    KubernetesClient client() {
        return client;
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
