package io.genesis.kubernetes.api;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.kubernetes.adapter.KubernetesTargetFactory;
import io.genesis.kubernetes.connect.ClientSettings;
import io.genesis.kubernetes.connect.Connection;
import io.genesis.kubernetes.connect.KubernetesClients;
import io.genesis.kubernetes.testing.Fixtures;
import io.genesis.kubernetes.testing.NoRetries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class ClusterEventsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T20:00:00.250Z"), ZoneOffset.UTC);

    KubernetesClient client;

    private final List<String> log = new ArrayList<>();

    @Test
    void shouldLogEachLineAndRecordItAsAnEventOnTheDeployment() {
        Fixtures.createRolling(client, "reg/shop:1.0.0", 2);
        String uid = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("shop")
                .get()
                .getMetadata()
                .getUid();
        ClusterEvents events = new ClusterEvents(client, NS, "shop", log::add, CLOCK, Runnable::run);

        events.emit("blue-green test/shop: reg/shop:1.1.0 deployed to slot green");
        events.emit("blue-green test/shop: active Service shop switched from slot blue to green in one patch");

        assertThat(log).hasSize(2);
        List<Event> recorded = client.v1().events().inNamespace(NS).list().getItems().stream()
                .sorted(Comparator.comparing(Event::getMessage))
                .toList();
        assertThat(recorded).hasSize(2).allSatisfy(event -> {
            assertThat(event.getInvolvedObject().getKind()).isEqualTo("Deployment");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("shop");
            assertThat(event.getInvolvedObject().getNamespace()).isEqualTo(NS);
            assertThat(event.getInvolvedObject().getUid())
                    .as("kubectl describe filters Events on the object's uid")
                    .isNotBlank()
                    .isEqualTo(uid);
            assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("apps/v1");
            assertThat(event.getReason()).isEqualTo("GenesisRollout");
            assertThat(event.getType()).isEqualTo("Normal");
            assertThat(event.getSource().getComponent()).isEqualTo("genesis");
            assertThat(event.getFirstTimestamp()).isEqualTo("2026-11-27T20:00:00Z");
            assertThat(event.getMetadata().getName()).startsWith("shop.");
            assertThat(event.getMetadata().getLabels()).containsEntry(Names.MANAGED_BY, "genesis");
        });
        assertThat(recorded.get(0).getMessage()).contains("active Service shop switched");
        assertThat(recorded.get(0).getMetadata().getName())
                .isNotEqualTo(recorded.get(1).getMetadata().getName());
    }

    @Test
    void shouldRecordWhatATargetDoesUnlessTurnedOff() {
        Fixtures.createBlueGreen(client, 2);
        DeploymentContext candidate = new DeploymentContext(
                "rollout-1", DeploymentKey.of("shop", "production"), new Version("1.1.0"), "abcdef1");
        KubernetesTargetFactory factory = new KubernetesTargetFactory(client, log::add);

        factory.open(candidate.key(), new TargetSpec(KubernetesTargetFactory.KIND, Fixtures.settings()))
                .deployCandidate(candidate);
        int logged = log.size();
        // The factory writes Events on the shared background writer: wait for them (a real async effect).
        int recorded = eventsOnceSettled(logged);
        factory.open(
                        candidate.key(),
                        new TargetSpec(KubernetesTargetFactory.KIND, Fixtures.settings("recordEvents", "false")))
                .deployCandidate(candidate);

        assertThat(recorded).as("one Event per line logged").isPositive().isEqualTo(logged);
        assertThat(client.v1().events().inNamespace(NS).list().getItems())
                .as("nothing more with recordEvents false")
                .hasSize(recorded);
        assertThat(log).hasSizeGreaterThan(logged);
    }

    private int eventsOnceSettled(int expected) {
        Instant deadline = Instant.now().plusSeconds(10);
        int found = client.v1().events().inNamespace(NS).list().getItems().size();
        while (found < expected && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            found = client.v1().events().inNamespace(NS).list().getItems().size();
        }
        return found;
    }

    @Test
    void shouldRecordOnTheActiveServiceWhereNoDeploymentHasTheName() {
        Fixtures.createBlueGreen(client, 2);

        new ClusterEvents(client, NS, "shop", log::add, CLOCK, Runnable::run).emit("switched to green");

        Event event = client.v1().events().inNamespace(NS).list().getItems().get(0);
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("Service");
        assertThat(event.getInvolvedObject().getUid())
                .isEqualTo(client.services()
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getMetadata()
                        .getUid());
    }

    @Test
    void shouldRecordNoEventThatWouldNameAnObjectThatDoesNotExist() {
        ClusterEvents events = new ClusterEvents(client, NS, "shop", log::add, CLOCK, Runnable::run);

        events.emit("first line");
        events.emit("second line");

        assertThat(client.v1().events().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(log)
                .containsExactly(
                        "first line",
                        "could not record a Kubernetes Event on deployment shop (neither a Deployment nor a Service"
                                + " named shop exists in namespace test to record it on); the rollout goes on, and"
                                + " this is said only once",
                        "second line");
    }

    @Test
    void shouldShortenAMessageTheApiServerWouldRefuse() {
        Fixtures.createRolling(client, "reg/shop:1.0.0", 2);
        new ClusterEvents(client, NS, "shop", log::add, CLOCK, Runnable::run).emit("x".repeat(5_000));

        Event event = client.v1().events().inNamespace(NS).list().getItems().get(0);
        assertThat(event.getMessage()).hasSize(ClusterEvents.MAX_MESSAGE).endsWith("…");
        assertThat(log.get(0)).hasSize(5_000);
    }

    @Test
    void shouldGoOnAndSayOnceWhenEventsCannotBeWritten() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ClientSettings quick =
                new ClientSettings(Duration.ofMillis(500), Duration.ofMillis(500), 0, Duration.ofMillis(10), true);
        try (KubernetesClient unreachable = KubernetesClients.open(
                new Connection.Token(URI.create("http://127.0.0.1:" + closed), "t0ken", ""), quick)) {
            ClusterEvents events = new ClusterEvents(unreachable, NS, "shop", log::add, CLOCK, Runnable::run);

            events.emit("first line");
            events.emit("second line");
        }

        assertThat(log).hasSize(3);
        assertThat(log.get(0)).isEqualTo("first line");
        assertThat(log.get(1))
                .startsWith("could not record a Kubernetes Event on deployment shop (")
                .endsWith("); the rollout goes on, and this is said only once")
                .doesNotContain("t0ken");
        assertThat(log.get(2)).isEqualTo("second line");
    }
}
