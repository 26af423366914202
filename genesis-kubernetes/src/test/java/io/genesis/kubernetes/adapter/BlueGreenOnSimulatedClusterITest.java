package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import io.genesis.kubernetes.testing.ClusterView;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blue-green on the simulated cluster, with the CLI's rollback settings (3 attempts 2 s apart) and
 * realistic pod start-up: what users reach is measured from the active Service's EndpointSlices.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class BlueGreenOnSimulatedClusterITest {

    static final int REPLICAS = 4;

    KubernetesClient client;

    private EngineOnCluster world;
    private SimulatedCluster cluster;
    private Workloads workloads;

    @BeforeEach
    void setUp() {
        createBlueGreen(client, REPLICAS);
        client.apps().deployments().inNamespace(NS).withName("shop-blue").edit(d -> {
            d.getSpec().setMinReadySeconds(10);
            return d;
        });
        EngineSettings cli = EngineSettings.defaults("engine-1").withRollbackAttempts(3, Duration.ofSeconds(2));
        world = new EngineOnCluster(client, new InMemoryRolloutLock(), new ServerSideApplyWriter(client), cli);
        cluster = world.simulate(Timings.realistic());
        workloads = new Workloads(client);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldSwitchBackOnlyOnceTheScaledDownPreviousSlotIsFullyAvailable() {
        RolloutId id = world.engine.submit(
                world.request("shop", "blueGreen", settings()).build());
        world.drive();
        assertThat(world.record(id).status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(workloads.replicas("shop-blue"))
                .as("blue scaled down after the keep")
                .isZero();
        List<Integer> served = new ArrayList<>();
        cluster.observe(
                at -> served.add(cluster.traffic().readyEndpoints("shop").size()));

        world.engine.rollback(id, "customers report errors", "bob");
        world.drive();

        DeploymentRecord record = world.record(id);
        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(world.messages())
                .anySatisfy(m ->
                        assertThat(m).contains("rollback progressing, awaiting").contains("of 4 replicas available"))
                .noneSatisfy(m -> assertThat(m).contains("rollback attempt"));
        assertThat(workloads.selector("shop")).containsEntry("slot", "blue");
        assertThat(served)
                .as("ready endpoints of the active Service at every instant")
                .isNotEmpty()
                .allMatch(n -> n >= REPLICAS);
        cluster.advanceTo(cluster.now().plusSeconds(5));
        assertThat(cluster.traffic().serviceShare("shop", "reg/shop:1.0.0")).isEqualTo(1.0);
    }

    @Test
    void shouldKeepBlueForTheScaleDownDelayAfterPromoteEvenWithKeepPreviousZero() {
        // Through a route the plan promotes right after the last analysis: nothing else stands
        // between the active Service leaving blue and blue being scaled down.
        createRoute(client);
        List<Instant> switched = new ArrayList<>();
        List<Instant> scaledDown = new ArrayList<>();
        cluster.observe(at -> {
            if (switched.isEmpty() && "green".equals(workloads.selector("shop").get("slot"))) {
                switched.add(at);
            }
            if (!switched.isEmpty() && scaledDown.isEmpty() && workloads.replicasOrZero("shop-blue") == 0) {
                scaledDown.add(at);
            }
        });

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("httpRoute", "shop"))
                .keepPrevious(Duration.ZERO));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(switched).as("the active Service moved to green").hasSize(1);
        assertThat(scaledDown).as("blue was scaled down").hasSize(1);
        assertThat(Duration.between(switched.get(0), scaledDown.get(0)))
                .as("kept 30 s after traffic left it (Argo's abandoned scale-down delay), although keepPrevious is 0")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldNotCountAWeightAppliedUntilEveryGatewayOfTheRouteReported() {
        createRoute(client);
        client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class)
                .inNamespace(NS)
                .withName("shop")
                .edit(r -> {
                    r.getSpec()
                            .getParentRefs()
                            .add(new io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder()
                                    .withName("internal")
                                    .build());
                    return r;
                });
        cluster.silence("internal");

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("httpRoute", "shop")));

        assertThat(record.status()).isNotEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.reason()).contains("(setWeight) failed: router did not apply 10.00 % within 10 min");
        assertThat(workloads.selector("shop")).containsEntry("slot", "blue");
    }

    @Test
    void shouldNeverCountAWeightAppliedWhileABackendRefNamesAMissingService() {
        createRoute(client);
        ClusterView route = ClusterView.throughRoute(client, NS, "shop");
        AtomicBoolean pruned = new AtomicBoolean();
        List<String> activeSlots = new ArrayList<>();
        cluster.observe(at -> activeSlots.add(workloads.selector("shop").get("slot")));

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("httpRoute", "shop")), () -> {
            Integer preview = route.weights().get("shop-preview");
            if (preview != null && preview > 0 && !pruned.getAndSet(true)) {
                // As the route starts sending to it, something else (Argo CD pruning what is not in Git, a
                // teammate) deletes the preview Service: the gateway cannot resolve that backendRef.
                client.services().inNamespace(NS).withName("shop-preview").delete();
            }
        });

        assertThat(pruned).isTrue();
        // The reason says which parentRef reports which condition and why, and which backendRef names what.
        assertThat(record.reason())
                .contains(
                        "(setWeight) failed: router did not apply 10.00 % within 10 min (awaiting: HTTPRoute test/shop:"
                                + " gateway test/public reports ResolvedRefs=False (BackendNotFound: backendRef Service"
                                + " shop-preview not found); backendRef shop-preview names a Service that does not exist in"
                                + " namespace test")
                .contains("create that Service again (a deploy recreates the candidate's) or remove that backendRef");
        assertThat(world.messages())
                .as("the progress line says what the weight awaits, once")
                .filteredOn(m -> m.startsWith("weight 10.00 % progressing, awaiting: HTTPRoute test/shop: gateway"
                        + " test/public reports ResolvedRefs=False (BackendNotFound"))
                .hasSize(1);
        // At weight 0 the missing backend gets no request (Gateway API: only an invalid backendRef's share gets
        // HTTP 500) and the gateway accepted the route: the rollback restores traffic and says so.
        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.trafficRestoredAt()).isNotNull();
        assertThat(world.messages())
                .anySatisfy(m -> assertThat(m)
                        .contains("backendRef shop-preview names a Service that does not exist; it carries weight 0, so"
                                + " no request reaches it and shop serves all traffic"));
        assertThat(client.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class)
                        .inNamespace(NS)
                        .withName("shop")
                        .get()
                        .getStatus()
                        .getParents())
                .singleElement()
                .satisfies(parent -> assertThat(parent.getConditions()).anySatisfy(c -> {
                    assertThat(c.getType()).isEqualTo("ResolvedRefs");
                    assertThat(c.getStatus()).isEqualTo("False");
                    assertThat(c.getReason()).isEqualTo("BackendNotFound");
                }));
        assertThat(activeSlots).as("the active Service never left blue").containsOnly("blue");
        assertThat(cluster.traffic().programmedWeights("shop")).containsEntry("shop-preview", 0);
    }

    @Test
    void shouldRefusePromoteWhenTheCandidateIsNoLongerFullyAvailable() {
        createRoute(client);
        ClusterView route = ClusterView.throughRoute(client, NS, "shop");
        AtomicBoolean crashed = new AtomicBoolean();
        List<String> activeSlots = new ArrayList<>();
        cluster.observe(at -> activeSlots.add(workloads.selector("shop").get("slot")));

        DeploymentRecord record = world.run(world.request("shop", "blueGreen", settings("httpRoute", "shop")), () -> {
            Integer preview = route.weights().get("shop-preview");
            if (preview != null && preview == 5000 && !crashed.getAndSet(true)) {
                // An hour into the release the candidate's pods start failing their probes.
                cluster.crashLoop("reg/shop:1.1.0");
            }
        });

        assertThat(crashed).isTrue();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("promote refused").contains("not fully available");
        assertThat(activeSlots)
                .as("the active Service never selected the failing candidate")
                .containsOnly("blue");
        assertThat(route.weights()).containsEntry("shop-preview", 0);
    }
}
