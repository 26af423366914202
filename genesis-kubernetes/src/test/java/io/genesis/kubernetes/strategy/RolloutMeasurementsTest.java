package io.genesis.kubernetes.strategy;

import static io.genesis.kubernetes.testing.Fixtures.NS;
import static io.genesis.kubernetes.testing.Fixtures.createBlueGreen;
import static io.genesis.kubernetes.testing.Fixtures.createCanary;
import static io.genesis.kubernetes.testing.Fixtures.createRolling;
import static io.genesis.kubernetes.testing.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.genesis.core.policy.Percentage;
import io.genesis.core.time.ManualClock;
import io.genesis.kubernetes.testing.EngineOnCluster;
import io.genesis.kubernetes.testing.NoRetries;
import io.genesis.kubernetes.testing.RequestLog;
import io.genesis.kubernetes.testing.cluster.SimulatedCluster;
import io.genesis.kubernetes.testing.cluster.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Counts the API requests of each strategy phase and times rollback until users are back on
 * stable, against the mock API server with the simulated cluster's controllers (realistic timings,
 * the test's clock). The cluster acts only when the test lets time pass, between the measured calls,
 * so only Genesis' requests are counted. Figures go to {@code target/kubernetes-measurements.md}; the
 * assertions are budgets, not exact counts, so a harmless extra read does not break them.
 */
@EnableKubernetesMockClient(https = false, crud = true, kubernetesClientBuilderCustomizer = NoRetries.class)
class RolloutMeasurementsTest {

    private static final List<String> ROWS = new ArrayList<>();
    private static final Release RELEASE = new Release("r-1", "1.1.0", "reg/shop:1.1.0");

    KubernetesClient client;

    private final ManualClock clock = new ManualClock(EngineOnCluster.T0);
    private SimulatedCluster cluster;
    private long switchedAt;

    @AfterAll
    static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| strategy | phase | API requests |");
        lines.add("|---|---|---|");
        lines.addAll(ROWS);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "kubernetes-measurements.md"), lines);
    }

    @Test
    void shouldKeepBlueGreenPhasesCheapAndMeasureTheSwitchBack() {
        blueGreenSetUp();
        Application app = Application.of(NS, "shop");
        BlueGreenRollout rollout = new BlueGreenRollout(client, app, BlueGreenRollout.Layout.defaults(app), this::mark);

        assertThat(count("blue-green", "deployCandidate", () -> rollout.deployCandidate(RELEASE)))
                .isLessThanOrEqualTo(6);
        settle();
        assertThat(count("blue-green", "health", () -> rollout.health(RELEASE))).isLessThanOrEqualTo(2);
        assertThat(count("blue-green", "smokeCheck", () -> rollout.smokeCheck(RELEASE)))
                .isLessThanOrEqualTo(4);
        // Promote reads both slots again to require the candidate fully available at the live slot's count.
        assertThat(count("blue-green", "promote", () -> rollout.promote(RELEASE)))
                .isLessThanOrEqualTo(6);
        long start = System.nanoTime();
        assertThat(count("blue-green", "rollback (after promote)", () -> rollout.rollback(RELEASE)))
                .isLessThanOrEqualTo(6);
        double millis = (switchedAt - start) / 1e6;
        assertThat(count("blue-green", "retireCandidate (after rollback)", () -> rollout.retireCandidate(RELEASE)))
                .isLessThanOrEqualTo(4);
        ROWS.add(String.format(
                Locale.ROOT, "| blue-green | rollback trigger → active Service on stable | %.1f ms |", millis));
    }

    @Test
    void shouldKeepGatewayWeightStepsCheapAndMeasureTheMoveBack() {
        blueGreenSetUp();
        client.resources(HTTPRoute.class)
                .inNamespace(NS)
                .resource(new HTTPRouteBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .withNamespace(NS)
                        .endMetadata()
                        .withNewSpec()
                        .addNewRule()
                        .addNewBackendRef()
                        .withName("shop")
                        .withPort(80)
                        .endBackendRef()
                        .endRule()
                        .endSpec()
                        .build())
                .create();
        Application app = Application.of(NS, "shop");
        BlueGreenRollout rollout = new BlueGreenRollout(
                client, app, BlueGreenRollout.Layout.defaults(app).withHttpRoute("shop"), this::mark);
        rollout.deployCandidate(RELEASE);
        settle();

        assertThat(count(
                        "blue-green + HTTPRoute",
                        "setWeight 10 %",
                        () -> rollout.router().orElseThrow().setWeight(new Percentage(10))))
                .isLessThanOrEqualTo(2);
        assertThat(count(
                        "blue-green + HTTPRoute",
                        "verifyWeight",
                        () -> rollout.router().orElseThrow().verifyWeight(new Percentage(10))))
                .isLessThanOrEqualTo(1);
        long start = System.nanoTime();
        assertThat(count("blue-green + HTTPRoute", "rollback (before promote)", () -> rollout.rollback(RELEASE)))
                .isLessThanOrEqualTo(5);
        double millis = (switchedAt - start) / 1e6;
        assertThat(count(
                        "blue-green + HTTPRoute",
                        "retireCandidate (after rollback)",
                        () -> rollout.retireCandidate(RELEASE)))
                .isLessThanOrEqualTo(4);
        ROWS.add(String.format(
                Locale.ROOT,
                "| blue-green + HTTPRoute | rollback trigger → route 100 %% stable |" + " %.1f ms |",
                millis));
    }

    @Test
    void shouldKeepCanaryWithoutRouterCheap() {
        createCanary(client, labels("app", "shop"));
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        Application app = Application.of(NS, "shop");
        CanaryRollout rollout = new CanaryRollout(client, app, CanaryRollout.Layout.defaults(app), e -> {});

        assertThat(count("canary (replica ratio)", "deployCandidate", () -> rollout.deployCandidate(RELEASE)))
                .isLessThanOrEqualTo(4);
        settle();
        assertThat(count(
                        "canary (replica ratio)",
                        "setWeight 25 %",
                        () -> rollout.router().orElseThrow().setWeight(new Percentage(25))))
                .isLessThanOrEqualTo(3);
        assertThat(count("canary (replica ratio)", "promote", () -> rollout.promote(RELEASE)))
                .isLessThanOrEqualTo(4);
        cluster.elapse(Duration.ofMinutes(5));
        assertThat(count("canary (replica ratio)", "promoted (one poll)", () -> rollout.promoted(RELEASE)))
                .isLessThanOrEqualTo(8);
        assertThat(count("canary (replica ratio)", "scaleDownPrevious", () -> rollout.scaleDownPrevious(RELEASE)))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void shouldKeepRollingCheap() {
        createRolling(client, "reg/shop:1.0.0", 4);
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
        RollingRollout rollout = new RollingRollout(client, Application.of(NS, "shop"), e -> {});

        assertThat(count("rolling", "rollTo", () -> rollout.deployCandidate(RELEASE)))
                .isLessThanOrEqualTo(2);
        cluster.elapse(Duration.ofMinutes(5));
        assertThat(count("rolling", "health", () -> rollout.health(RELEASE))).isLessThanOrEqualTo(1);
        assertThat(count("rolling", "rollback", () -> rollout.rollback(RELEASE)))
                .isLessThanOrEqualTo(4);
    }

    private void blueGreenSetUp() {
        createBlueGreen(client, 3);
        cluster = SimulatedCluster.settled(client, NS, clock, Timings.realistic());
    }

    /** Lets the cluster's controllers run for a simulated minute: new pods take 29 s to turn ready. */
    private void settle() {
        cluster.elapse(Duration.ofMinutes(1));
    }

    /** Notes when traffic is back on stable: the first switch or weight event of a rollback. */
    private void mark(String event) {
        if (switchedAt == 0 && (event.contains("switched from slot green to blue") || event.contains("weight 0,"))) {
            switchedAt = System.nanoTime();
        }
    }

    private int count(String strategy, String phase, Runnable action) {
        switchedAt = 0;
        RequestLog.clear();
        action.run();
        int requests = RequestLog.count();
        ROWS.add("| " + strategy + " | " + phase + " | " + requests + " |");
        return requests;
    }
}
