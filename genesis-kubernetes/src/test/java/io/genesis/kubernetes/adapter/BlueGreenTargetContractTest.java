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

/** Blue-green without a router: the active Service's selector is the whole traffic switch. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenTargetContractTest extends KubernetesTargetContract {

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
        return Map.of("namespace", NS, "deployment", "shop", "image", "reg/shop:1.1.0");
    }

    @Override
    ClusterView view() {
        return ClusterView.throughService(client, NS, "shop");
    }
}
