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
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void shouldKeepThePromotedCanaryRunningForTheScaleDownDelayAfterTheGatewayLeftIt() {
        start(labels("app", "shop", "track", "stable"));
        createRoute(client);
        Workloads workloads = new Workloads(client);
        List<Instant> served = new ArrayList<>();
        List<Instant> drained = new ArrayList<>();
        List<Instant> scaledDown = new ArrayList<>();
        cluster.observe(at -> {
            int weight = cluster.traffic().programmedWeights("shop").getOrDefault("shop-canary", 0);
            if (weight > 0) {
                served.add(at);
            } else if (!served.isEmpty() && drained.isEmpty()) {
                drained.add(at);
            }
            if (!drained.isEmpty() && scaledDown.isEmpty() && workloads.replicasOrZero("shop-canary") == 0) {
                scaledDown.add(at);
            }
        });

        DeploymentRecord record =
                world.run(world.request("shop", "canary", settings("strategy", "canary", "httpRoute", "shop")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(drained).as("the gateway stopped sending to the canary").hasSize(1);
        assertThat(scaledDown).as("the canary was scaled down").hasSize(1);
        assertThat(Duration.between(drained.get(0), scaledDown.get(0)))
                .as("kept 30 s after the gateway left it (Argo's scaleDownDelaySeconds), as blue-green keeps its slot")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldSizeTheRoutedCanaryByItsWeight() {
        start(labels("app", "shop", "track", "stable"));
        createRoute(client);
        Workloads workloads = new Workloads(client);
        Map<Integer, Integer> podsAtWeight = new java.util.TreeMap<>();
        cluster.observe(at -> {
            int weight = cluster.traffic().programmedWeights("shop").getOrDefault("shop-canary", 0);
            if (weight > 0) {
                podsAtWeight.merge(weight, workloads.replicasOrZero("shop-canary"), Math::min);
            }
        });

        DeploymentRecord record =
                world.run(world.request("shop", "canary", settings("strategy", "canary", "httpRoute", "shop")));

        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(podsAtWeight)
                .as("fewest canary pods (of 4) while the gateway served each weight: ceil(4 x weight), at least 1")
                .containsEntry(500, 1)
                .containsEntry(2500, 1)
                .containsEntry(5000, 2)
                .containsEntry(10000, 4);
    }

    @Test
    void shouldKeepStablesPodsWhileACrashLoopingCanaryIsWidened() {
        start(labels("app", "shop"));
        Workloads workloads = new Workloads(client);
        List<Integer> served = new ArrayList<>();
        cluster.observe(at -> {
            if (workloads.replicasOrZero("shop-canary") == 2) {
                // Widened to 50 %, the canary's pods start failing their probes.
                cluster.crashLoop("reg/shop:1.1.0");
            }
            served.add(cluster.traffic().readyEndpoints("shop").size());
        });

        DeploymentRecord record = world.run(world.request("shop", "canary", settings("strategy", "canary")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("router did not apply 50.00 %");
        assertThat(served)
                .as("stable keeps its 3 pods of the 25 % split until the canary's 2 are available, which never happens")
                .allMatch(n -> n >= 3);
        assertThat(workloads.replicasOrZero("shop")).isEqualTo(4);
    }

    @Test
    void shouldNameTheQuotaThatRefusesTheCanarysPods() {
        start(labels("app", "shop"));
        cluster.quota(5);
        java.util.NavigableMap<Instant, Integer> served = new java.util.TreeMap<>();
        cluster.observe(
                at -> served.put(at, cluster.traffic().readyEndpoints("shop").size()));

        DeploymentRecord record = world.run(world.request("shop", "canary", settings("strategy", "canary")));

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        // 4 stable + 1 canary fit; the split moves pods over until 100 % needs a fifth canary pod beside stable's last.
        assertThat(record.reason())
                .contains("router did not apply 100.00 %")
                .contains("ReplicaFailure")
                .contains("exceeded quota");
        // Rolling back abandons the canary at once (its pods go, stable's come back): a dip is allowed after the
        // trigger.
        assertThat(served.headMap(record.rollbackTriggeredAt()).values())
                .as("4 pods serve whatever the quota refuses")
                .isNotEmpty()
                .allMatch(n -> n >= 4);
    }

    @Test
    void shouldNameTheMissingStableServiceTheRouteAndTheFixWhenARollbackCannotRestoreTraffic() {
        start(labels("app", "shop", "track", "stable"));
        createRoute(client);
        world.metrics.script(window -> BlueGreenEndToEndITest.BREACH);
        AtomicBoolean deleted = new AtomicBoolean();

        DeploymentRecord record =
                world.run(world.request("shop", "canary", settings("strategy", "canary", "httpRoute", "shop")), () -> {
                    Integer canary = cluster.traffic().programmedWeights("shop").get("shop-canary");
                    if (canary != null && canary > 0 && !deleted.getAndSet(true)) {
                        // Someone deletes the stable Service the route sends 95 % to: its share gets HTTP 500.
                        client.services().inNamespace(NS).withName("shop").delete();
                    }
                });

        assertThat(deleted).isTrue();
        // With stable's backend unresolved no weight restores traffic: the rollback waits out its deadline in case
        // the Service comes back, then ends FAILED naming the route, the Service and the fix.
        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .contains("error rate")
                .contains("traffic was not seen back on the previous version within 10 min (awaiting: HTTPRoute"
                        + " test/shop: gateway test/public reports ResolvedRefs=False (BackendNotFound: backendRef"
                        + " Service shop not found); backendRef shop names a Service that does not exist in namespace"
                        + " test, so its share of the traffic gets HTTP 500: create that Service again or remove that"
                        + " backendRef from the route)");
        assertThat(world.messages())
                .filteredOn(m -> m.startsWith("rollback progressing, awaiting: HTTPRoute test/shop"))
                .as("each new thing awaited said once: the gateway's report, then what it reports")
                .doesNotHaveDuplicates()
                .last()
                .satisfies(m -> assertThat(m).contains("reports ResolvedRefs=False (BackendNotFound"));
    }

    @Test
    void shouldNameAMissingNamespaceRatherThanFailToCreateTheLease() {
        createCanary(client, labels("app", "shop"));
        // As the CLI does, the Lease lives in the target's namespace, which nobody created.
        world = new EngineOnCluster(
                client,
                new KubernetesRolloutLock(client, key -> "shop-prod"),
                new ServerSideApplyWriter(client),
                EngineSettings.defaults("engine-1").withLeaseTtl(LEASE));
        cluster = world.simulate(Timings.realistic());

        DeploymentRecord record =
                world.run(world.request("shop", "canary", settings("strategy", "canary", "namespace", "shop-prod")));

        assertThat(record.status()).isNotEqualTo(RecordStatus.SUCCEEDED);
        assertThat(String.join("\n", world.messages()) + "\n" + record.reason())
                .contains("namespace 'shop-prod' does not exist: create it (kubectl create namespace shop-prod)");
        assertThat(client.leases().inNamespace("shop-prod").list().getItems()).isEmpty();
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
