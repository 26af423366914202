package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Blue-green without a router: the active Service's selector is the whole traffic switch. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenTargetContractTest extends KubernetesTargetContract {

    KubernetesClient client;

    @Override
    Map<String, String> createStable() {
        createBlueGreen(client, 2);
        return Map.of();
    }

    @Override
    KubernetesClient client() {
        return client;
    }
}
