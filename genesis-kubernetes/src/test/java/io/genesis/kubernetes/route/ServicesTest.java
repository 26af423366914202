package io.genesis.kubernetes.route;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.api.KubernetesApiException;
import io.genesis.kubernetes.api.Problem;
import io.genesis.kubernetes.testing.NoRetries;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ServicesTest {

    KubernetesClient client;

    @Test
    void shouldRemoveTheSelectorKeysTheNewSelectorDrops() {
        create(client, service("shop", labels("app", "shop", "slot", "blue", "release", "2026-11")));
        Services services = new Services(client, NS);

        Service switched = services.select(services.require("shop"), labels("app", "shop", "slot", "green"), Map.of());

        // The patch sends "release": null (RFC 7386 removal); the API server drops the key, the 7.3.1 mock
        // stores it as null: either way nothing selects on it any more.
        assertThat(switched.getSpec().getSelector())
                .as("a merge patch keeps keys it does not name: 'release' would select no green pod")
                .containsEntry("app", "shop")
                .containsEntry("slot", "green");
        assertThat(switched.getSpec().getSelector().get("release")).isNull();
    }

    @Test
    void shouldTakeAServiceWhoseCreateAnswerWasLostAsCreated() {
        create(client, service("shop", labels("app", "shop", "slot", "blue")));
        Services services = new Services(client, NS);
        Service active = services.require("shop");
        services.createBeside(active, "shop-preview", labels("app", "shop", "slot", "green"));

        // The same create again, as after a timeout whose request had been applied: 409 AlreadyExists.
        Service again = services.createBeside(active, "shop-preview", labels("app", "shop", "slot", "green"));

        assertThat(again.getSpec().getSelector()).containsEntry("slot", "green");
        assertThatThrownBy(() -> services.createBeside(active, "shop-preview", labels("app", "shop", "slot", "blue")))
                .as("a Service of that name selecting something else is not ours")
                .isInstanceOfSatisfying(
                        KubernetesApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }
}
