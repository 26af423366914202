package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.kubernetes.manifest.ServerSideApplyWriter;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.Workloads;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Canary on the simulated cluster with realistic pod start-up and a 20-second Lease: promote rolls
 * stable for minutes, and what users reach is measured from EndpointSlices and from the weights
 * the gateway programmed.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class CanaryOnSimulatedClusterITest {

    static final Duration LEASE = Duration.ofSeconds(20);

    KubernetesClient client;

    private EngineOnCluster world;
    private SimulatedCluster cluster;

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @Test
    void shouldPromoteAsAPolledStepWithoutTheLeaseLapsing() {
        start(labels("app", "shop"));
        List<String> lapses = new ArrayList<>();
        cluster.observe(at -> lease().ifPresent(lease -> {
            Instant expiry = lease.getSpec()
                    .getRenewTime()
                    .toInstant()
                    .plusSeconds(lease.getSpec().getLeaseDurationSeconds());
            if (expiry.isBefore(at)) {
                lapses.add("lease expired at " + expiry + ", seen at " + at);
            }
        }));

        DeploymentRecord record = world.run(world.request("shop", "canary", settings("strategy", "canary")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("promote"))
                .singleElement()
                .satisfies(p -> assertThat(Duration.between(p.startedAt(), p.endedAt()))
                        .as("stable starts 4 pods that take 29 s to become ready")
                        .isGreaterThan(LEASE));
        assertThat(lapses).isEmpty();
        assertThat(new Workloads(client).image("shop")).isEqualTo("reg/shop:1.1.0");
    }

    @Test
    void shouldScaleTheCanaryDownOnlyOnceTheGatewayServesZeroToIt() {
        start(labels("app", "shop", "track", "stable"));
        createRoute(client);
        List<String> blackHoles = new ArrayList<>();
        cluster.observe(at -> {
            Map<String, Integer> weights = cluster.traffic().programmedWeights("shop");
            int canaryWeight = weights.getOrDefault("shop-canary", 0);
            if (canaryWeight > 0
                    && cluster.traffic().readyEndpoints("shop-canary").isEmpty()) {
                blackHoles.add(
                        at + ": gateway sends weight " + canaryWeight + " to shop-canary, which has no ready endpoint");
            }
        });

        DeploymentRecord record =
                world.run(world.request("shop", "canary", settings("strategy", "canary", "httpRoute", "shop")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(new Workloads(client).replicasOrZero("shop-canary")).isZero();
        assertThat(blackHoles).as("requests the gateway sent nowhere").isEmpty();
    }

    private void start(Map<String, String> serviceSelector) {
        createCanary(client, serviceSelector);
        EngineSettings settings = EngineSettings.defaults("engine-1").withLeaseTtl(LEASE);
        world = new EngineOnCluster(
                client, new KubernetesRolloutLock(client, key -> NS), new ServerSideApplyWriter(client), settings);
        cluster = world.simulate(Timings.realistic());
    }

    private java.util.Optional<Lease> lease() {
        return java.util.Optional.ofNullable(
                client.leases().inNamespace(NS).withName("genesis-shop-staging").get());
    }
}
