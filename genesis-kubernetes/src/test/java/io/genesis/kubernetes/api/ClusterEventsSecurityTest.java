package io.genesis.kubernetes.api;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events are readable by everyone who reads the namespace: no credential reaches one. */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ClusterEventsSecurityTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:00:00Z"), ZoneOffset.UTC);

    KubernetesClient client;

    @Test
    void shouldMaskCredentialsInAddressesBeforeLoggingOrRecordingALine() {
        List<String> log = new ArrayList<>();
        Fixtures.createRolling(client, "reg/shop:1.0.0", 1);
        ClusterEvents events = new ClusterEvents(client, NS, "shop", log::add, CLOCK, Runnable::run);

        events.emit("probe http://admin:hunter2@metrics_host:9090/health?access_token=hunter3 failed");

        List<Event> recorded = client.v1().events().inNamespace(NS).list().getItems();
        assertThat(recorded)
                .singleElement()
                .extracting(Event::getMessage)
                .asString()
                .isEqualTo("probe http://****@metrics_host:9090/health?access_token=**** failed");
        assertThat(log).singleElement().asString().doesNotContain("hunter2").doesNotContain("hunter3");
    }
}
