package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;

/** Blue-green behind a Gateway API HTTPRoute that splits traffic between active and preview. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenRouteTargetContractTest extends KubernetesTargetContract {

    KubernetesClient client;

    @Override
    Map<String, String> createStable() {
        createRoute(client);
        createBlueGreen(client, 2);
        return Map.of("httpRoute", "shop");
    }

    @Override
    KubernetesClient client() {
        return client;
    }
}
