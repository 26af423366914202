package io.genesis.kubernetes.adapter;

import static io.genesis.kubernetes.testing.Fixtures.create;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.createRoute;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static io.genesis.kubernetes.testing.Fixtures.service;
import static io.genesis.kubernetes.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.Metric;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time to restore on the simulated cluster with {@link Timings#realistic()}: for each strategy, the
 * engine's recorded figure (trigger → traffic seen back, polled every 5 s) beside the moment the
 * data plane really served only the previous version (EndpointSlices, the gateway's programmed
 * weights). The engine must never claim a restore before the data plane has it. Written to {@code
 * target/kubernetes-restore.md}; figures are simulated seconds, not wall time.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RestoreMeasurementsITest {

    static final Map<Metric, Double> BREACH =
            Map.of(Metric.ERROR_RATE, 7.5, Metric.LATENCY_P95, 120.0, Metric.AVAILABILITY, 99.99);
    static final String OLD = "reg/shop:1.0.0";
    static final Duration ENDPOINTS = Timings.realistic().endpoints();
    private static final List<String> ROWS = new ArrayList<>();

    KubernetesClient client;

    private EngineOnCluster world;
    private SimulatedCluster cluster;
    private final AtomicReference<RolloutId> rolledBack = new AtomicReference<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        world.close();
    }

    @AfterAll
    static void write() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| strategy | rollback | recorded time to restore | data plane back after |");
        lines.add("|---|---|---|---|");
        lines.addAll(ROWS);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "kubernetes-restore.md"), lines);
    }

    @Test
    void shouldMeasureBlueGreenSwitchingBackToTheKeptSlot() {
        createBlueGreen(client, 4);
        start();
        world.metrics.script(window -> BREACH);

        measure("blue-green", "after promote, previous slot kept", "shop-svc", Duration.ZERO, blueGreen(), r -> {});
    }

    @Test
    void shouldMeasureBlueGreenStartingTheScaledDownSlotAgain() {
        createBlueGreen(client, 4);
        start();
        RolloutId id = world.engine.submit(
                world.request("shop", "blueGreen", settings()).build());
        world.drive();
        assertThat(world.record(id).status()).isEqualTo(RecordStatus.SUCCEEDED);

        measure("blue-green", "after the 24 h keep (previous slot at 0)", "shop-svc", Duration.ZERO, null, r -> {
            world.engine.rollback(id, "customers report errors", "bob");
            rolledBack.set(id);
        });
    }

    @Test
    void shouldMeasureBlueGreenWithARouteBeforePromote() {
        createBlueGreen(client, 4);
        createRoute(client);
        start();
        world.metrics.script(window -> BREACH);

        measure(
                "blue-green + HTTPRoute",
                "first analysis breaches (10 %)",
                "shop-route",
                Duration.ZERO,
                world.request("shop", "blueGreen", settings("httpRoute", "shop"))
                        .build(),
                r -> {});
    }

    @Test
    void shouldMeasureACanaryWithoutRouter() {
        createCanary(client, labels("app", "shop"));
        start();
        world.metrics.script(window -> BREACH);

        // Replica counts are the routing here: read from the Deployments, which EndpointSlices follow later.
        measure(
                "canary, replica ratio",
                "first analysis breaches (5 %)",
                "shop-svc",
                ENDPOINTS,
                world.request("shop", "canary", settings("strategy", "canary")).build(),
                r -> {});
    }

    @Test
    void shouldMeasureACanaryWithARoute() {
        createCanary(client, labels("app", "shop", "track", "stable"));
        createRoute(client);
        start();
        world.metrics.script(window -> BREACH);

        measure(
                "canary + HTTPRoute",
                "first analysis breaches (5 %)",
                "shop-route",
                Duration.ZERO,
                world.request("shop", "canary", settings("strategy", "canary", "httpRoute", "shop"))
                        .build(),
                r -> {});
    }

    @Test
    void shouldMeasureRollingUndo() {
        measureRollingUndo("batch 25; analyse 2m", "batch 50; batch 75; batch 100; promote");
    }

    /** Two batches ran before the analysis: the undo must start again the old pod the second replaced. */
    @Test
    void shouldMeasureRollingUndoAfterALaterBatch() {
        measureRollingUndo("batch 25; batch 50; analyse 2m", "batch 75; batch 100; promote");
    }

    /** A rolling plan whose analysis at the end of {@code breached} breaches; restore read from the Deployment. */
    private void measureRollingUndo(String breached, String rest) {
        createRolling(client, OLD, 4);
        create(client, service("shop", labels("app", "shop")));
        start();
        world.metrics.script(window -> BREACH);

        // Read from the Deployment's rollout status, which EndpointSlices follow later.
        measure(
                "rolling",
                "custom plan: " + breached + " breaches",
                "shop-svc",
                ENDPOINTS,
                world.request("shop", "custom", settings("strategy", "rolling"))
                        .customSteps(io.genesis.core.rollout.plan.StepParser.parse(breached + "; " + rest))
                        .build(),
                r -> {});
    }

    private io.genesis.core.rollout.RolloutRequest blueGreen() {
        return world.request("shop", "blueGreen", settings()).build();
    }

    /**
     * Submits {@code request} (or, when null, runs {@code trigger}), drives it to the end and
     * records the restore the engine recorded beside the first instant, at or after the trigger,
     * at which users reached only {@link #OLD}.
     */
    private void measure(
            String strategy,
            String rollback,
            String entry,
            Duration early,
            io.genesis.core.rollout.RolloutRequest request,
            java.util.function.Consumer<Void> trigger) {
        List<Instant> onlyOld = new ArrayList<>();
        Function<Void, Double> share = v -> entry.equals("shop-route")
                ? cluster.traffic().routeShare("shop", OLD)
                : cluster.traffic().serviceShare("shop", OLD);
        cluster.observe(at -> {
            if (share.apply(null) == 1.0) {
                onlyOld.add(at);
            } else {
                onlyOld.clear();
            }
        });
        AtomicReference<RolloutId> id = new AtomicReference<>();
        if (request != null) {
            id.set(world.engine.submit(request));
        } else {
            trigger.accept(null);
            id.set(rolledBack.get());
        }
        world.drive();
        DeploymentRecord record = world.record(id.get());
        assertThat(record.status()).as(String.join("\n", world.messages())).isEqualTo(RecordStatus.ROLLED_BACK);
        Instant triggered = record.rollbackTriggeredAt();
        Duration recorded = record.restoreTime().orElseThrow();
        assertThat(onlyOld)
                .as("users reach only the previous version at the end")
                .isNotEmpty();
        Duration dataPlane =
                Duration.between(triggered, onlyOld.get(0).isBefore(triggered) ? triggered : onlyOld.get(0));
        assertThat(record.trafficRestoredAt())
                .as("the engine never claims a restore (more than " + early + ") before the data plane has it")
                .isAfterOrEqualTo(onlyOld.get(0).minus(early));
        ROWS.add("| " + strategy + " | " + rollback + " | " + seconds(recorded) + " | " + seconds(dataPlane) + " |");
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void start() {
        world = new EngineOnCluster(client, new InMemoryRolloutLock());
        cluster = world.simulate(Timings.realistic());
    }
}
