package io.genesis.sandbox.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSource;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.policy.Percentage;
import io.genesis.core.target.DeploymentContext;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.RollingBounds;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TrafficRouter;
import io.genesis.core.target.Version;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.proxy.WeightedProxy;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotId;
import io.genesis.sandbox.slot.SlotLauncher;
import io.genesis.sandbox.slot.SlotStartException;
import io.genesis.sandbox.testing.Await;
import io.genesis.sandbox.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox target driven call by call, as the engine drives it, against real slots and a real proxy. */
class SandboxTargetITest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "staging");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InProcessSlotLauncher HEALTHY = InProcessSlotLauncher.healthy()
            .withFaults("2.0.0-sick", FaultProfile.none().unhealthy());

    private Sandbox sandbox;
    private SandboxTarget target;
    private Slot blue;

    @AfterEach
    void closeSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(SlotLauncher launcher) {
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withLauncher(launcher)
                .withWindow(new WindowLayout(Duration.ofMillis(100), 600))
                .withDrainTimeout(Duration.ofSeconds(5)));
        target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        blue = target.stable();
    }

    private static DeploymentContext rollout(String id, String version) {
        return new DeploymentContext(id, SHOP, new Version(version), "abcdef1");
    }

    private Slot deployed(DeploymentContext context) {
        target.deployCandidate(context);
        Await.until(
                "the candidate is healthy", WAIT, () -> target.health(context).isHealthy());
        return target.candidate().orElseThrow();
    }

    private TrafficRouter router() {
        return target.trafficRouter().orElseThrow();
    }

    private Weights weights() {
        return sandbox.effectiveWeights().orElseThrow();
    }

    /** How many of {@code requests} sequential proxied requests each slot answered. */
    private Map<String, Integer> send(int requests) {
        Map<String, Integer> bySlot = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            String slot = Http.get(sandbox.proxyUri())
                    .headers()
                    .firstValue(WeightedProxy.SLOT_HEADER)
                    .orElse("none");
            bySlot.merge(slot, 1, Integer::sum);
        }
        Await.until("the proxy has recorded every request", WAIT, () -> sandbox.requestsInFlight() == 0);
        return bySlot;
    }

    @Test
    void shouldStartTheCandidateBesideStableWithoutTraffic() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");

        Slot green = deployed(v2);
        target.deployCandidate(v2);

        assertThat(green.version()).isEqualTo("2.0.0");
        assertThat(sandbox.slots()).extracting(Slot::id).containsExactly(blue.id(), green.id());
        assertThat(weights()).isEqualTo(Weights.all(blue.id()));
        assertThat(target.health(v2).message()).isEqualTo(green.id() + " (2.0.0): health endpoint answered 200");
        assertThat(send(5)).containsOnlyKeys(blue.id().value());
        assertThat(target.describe()).isEqualTo("sandbox shop in staging at " + sandbox.proxyUri());
    }

    @Test
    void shouldSmokeCheckTheCandidateDirectlyThroughItsHealthEndpoint() {
        start(HEALTHY);
        DeploymentContext good = rollout("r-1", "2.0.0");
        deployed(good);

        Health passed = target.smokeCheck(good);

        assertThat(passed.isHealthy()).isTrue();
        assertThat(passed.message()).endsWith("asked directly (bypassing the proxy): health endpoint answered 200");
    }

    @Test
    void shouldTreatAnUnhealthyCandidateAsNotReadyAndFailItsSmokeCheck() {
        start(HEALTHY);
        DeploymentContext sick = rollout("r-1", "2.0.0-sick");
        target.deployCandidate(sick);
        Await.until("the candidate has started", WAIT, () -> target.candidate().isPresent());

        Health health = target.health(sick);
        Health smoke = target.smokeCheck(sick);

        assertThat(health.state()).isEqualTo(Health.State.PROGRESSING);
        assertThat(health.message()).endsWith("(2.0.0-sick): health endpoint answered 503");
        assertThat(smoke.state()).isEqualTo(Health.State.UNHEALTHY);
        assertThat(smoke.message()).endsWith("health endpoint answered 503");
    }

    @Test
    void shouldSplitTrafficAndVerifyTheWeightInForce() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        Slot green = deployed(v2);

        router().setWeight(v2, new Percentage(10));

        assertThat(weights()).isEqualTo(Weights.split(blue.id(), green.id(), 10));
        assertThat(router().verifyWeight(v2, new Percentage(10))).isTrue();
        assertThat(router().verifyWeight(v2, new Percentage(50))).isFalse();
        assertThat(router().verifyWeight(v2, Percentage.ZERO)).isFalse();
        assertThat(send(100))
                .containsEntry(green.id().value(), 10)
                .containsEntry(blue.id().value(), 90);

        router().setWeight(v2, new Percentage(33.33));

        assertThat(weights().weightOf(green.id())).isEqualTo(33);
        assertThat(router().verifyWeight(v2, new Percentage(33.33))).isTrue();
    }

    @Test
    void shouldRefuseAWeightForACandidateStillStarting() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        start(gated(gate));
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        target.deployCandidate(v2);

        try {
            assertThat(target.health(v2)).isEqualTo(Health.progressing("starting version 2.0.0"));
            assertThat(target.smokeCheck(v2).state()).isEqualTo(Health.State.PROGRESSING);
            assertThatThrownBy(() -> router().setWeight(v2, new Percentage(10)))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("the candidate 2.0.0 is still starting; wait until it is healthy");
            assertThat(router().verifyWeight(v2, new Percentage(10))).isFalse();
        } finally {
            gate.countDown();
        }
        Await.until("the candidate is healthy", WAIT, () -> target.health(v2).isHealthy());
    }

    @Test
    void shouldPromoteAndKeepThePreviousVersionUntilItIsScaledDown() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        Slot green = deployed(v2);
        router().setWeight(v2, Percentage.HUNDRED);

        target.promote(v2);
        target.promote(v2);

        assertThat(target.stable()).isEqualTo(green);
        assertThat(target.previous()).contains(blue);
        assertThat(target.candidate()).isEmpty();
        assertThat(weights()).isEqualTo(Weights.all(green.id()));
        assertThat(router().verifyWeight(v2, Percentage.HUNDRED)).isTrue();
        assertThat(target.health(v2).isHealthy()).isTrue();
        assertThatThrownBy(() -> router().setWeight(v2, new Percentage(50)))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("its weight can no longer be set to 50 %");

        target.scaleDownPrevious(v2);
        target.scaleDownPrevious(v2);

        assertThat(target.previous()).isEmpty();
        assertThat(sandbox.slot(blue.id())).isEmpty();
        assertThat(sandbox.slots()).containsExactly(green);
    }

    @Test
    void shouldRollBackBeforePromoteAtOnceAndStopTheCandidate() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        Slot green = deployed(v2);
        Instant before = Instant.now().minusSeconds(1);
        router().setWeight(v2, new Percentage(50));
        send(10);

        target.rollback(v2);
        target.rollback(v2);

        assertThat(weights()).isEqualTo(Weights.all(blue.id()));
        assertThat(router().verifyWeight(v2, Percentage.ZERO)).isTrue();
        assertThat(target.candidate()).isEmpty();
        assertThat(sandbox.slots()).as("stopping waits for retirement").containsExactly(blue, green);
        target.retireCandidate(v2);
        target.retireCandidate(v2);
        assertThat(sandbox.slots()).containsExactly(blue);
        assertThat(send(5)).containsOnlyKeys(blue.id().value());
        assertThat(sandbox.metrics(before, Instant.now()).slot(green.id()).requestCount())
                .as("the rolled-back version's traffic stays readable")
                .isEqualTo(5);
        assertThat(target.health(v2).state()).isEqualTo(Health.State.UNHEALTHY);
    }

    @Test
    void shouldRollBackAfterPromoteToTheKeptSlotAtOnce() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        Slot green = deployed(v2);
        router().setWeight(v2, Percentage.HUNDRED);
        target.promote(v2);

        target.rollback(v2);
        target.rollback(v2);

        assertThat(target.stable()).isEqualTo(blue);
        assertThat(weights()).isEqualTo(Weights.all(blue.id()));
        assertThat(sandbox.slot(green.id())).as("stopping waits for retirement").isPresent();
        target.retireCandidate(v2);
        assertThat(sandbox.slot(green.id())).isEmpty();
        assertThat(target.previous()).isEmpty();
        assertThat(send(5)).containsOnlyKeys(blue.id().value());
    }

    @Test
    void shouldRollInBatchesOfWeightAndStopTheOldSlotAtPromote() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        var updater = target.rollingUpdater().orElseThrow();

        updater.rollTo(v2, new Percentage(25), RollingBounds.DEFAULT);
        Await.until("the first batch is healthy", WAIT, () -> target.health(v2).isHealthy());
        Slot green = target.candidate().orElseThrow();

        assertThat(weights()).isEqualTo(Weights.split(blue.id(), green.id(), 25));
        assertThat(target.health(v2).message()).endsWith("; the proxy sends it 25 %");

        updater.rollTo(v2, new Percentage(50), RollingBounds.DEFAULT);
        updater.rollTo(v2, new Percentage(50), RollingBounds.DEFAULT);
        assertThat(weights()).isEqualTo(Weights.split(blue.id(), green.id(), 50));
        updater.rollTo(v2, Percentage.HUNDRED, RollingBounds.DEFAULT);
        target.promote(v2);

        assertThat(sandbox.slots()).containsExactly(green);
        assertThat(target.previous()).isEmpty();
        assertThat(weights()).isEqualTo(Weights.all(green.id()));
        updater.rollTo(v2, Percentage.HUNDRED, RollingBounds.DEFAULT);
        assertThat(sandbox.slots()).containsExactly(green);
    }

    @Test
    void shouldStartThePreviousVersionAgainToUndoARollingPromote() {
        start(HEALTHY);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        var updater = target.rollingUpdater().orElseThrow();
        updater.rollTo(v2, Percentage.HUNDRED, RollingBounds.DEFAULT);
        Await.until("the batch is healthy", WAIT, () -> target.health(v2).isHealthy());
        Slot green = target.candidate().orElseThrow();
        target.promote(v2);

        target.rollback(v2);
        target.retireCandidate(v2);

        Slot restored = target.stable();
        assertThat(restored.version()).isEqualTo("1.0.0");
        assertThat(restored.id()).isNotIn(blue.id(), green.id());
        assertThat(sandbox.slots()).containsExactly(restored);
        assertThat(send(3)).containsOnlyKeys(restored.id().value());
    }

    @Test
    void shouldReportACandidateThatDidNotStart() {
        start((id, version) -> {
            if (version.equals("2.0.0")) {
                throw new SlotStartException("port 8080 is in use");
            }
            return HEALTHY.launch(id, version);
        });
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        target.deployCandidate(v2);

        Await.until("the start has failed", WAIT, () -> target.health(v2).state() != Health.State.PROGRESSING);

        assertThat(target.health(v2)).isEqualTo(Health.unhealthy("version 2.0.0 did not start: port 8080 is in use"));
        assertThatThrownBy(() -> router().setWeight(v2, new Percentage(10)))
                .isInstanceOf(TargetException.class)
                .hasMessage("the candidate 2.0.0 did not start: port 8080 is in use");
        target.rollback(v2);
        assertThat(sandbox.slots()).containsExactly(blue);
    }

    @Test
    void shouldStopACandidateRolledBackWhileItWasStarting() {
        CountDownLatch gate = new CountDownLatch(1);
        start(gated(gate));
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        target.deployCandidate(v2);

        target.rollback(v2);
        gate.countDown();

        Await.until("the late slot is stopped", WAIT, () -> sandbox.slots().size() == 1);
        assertThat(sandbox.slots()).containsExactly(blue);
        assertThat(weights()).isEqualTo(Weights.all(blue.id()));
    }

    @Test
    void shouldRetireTheLeftoverCandidateOfAnEndedRolloutOnlyWhenItHasNoTraffic() {
        start(HEALTHY);
        DeploymentContext first = rollout("r-1", "2.0.0");
        Slot leftover = deployed(first);
        router().setWeight(first, new Percentage(10));
        DeploymentContext second = rollout("r-2", "3.0.0");

        assertThatThrownBy(() -> target.deployCandidate(second))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot deploy 3.0.0 to shop in staging: the candidate " + leftover.id()
                        + " (2.0.0) of rollout r-1 still takes 10 % of the traffic; roll that rollout back first");

        router().setWeight(first, Percentage.ZERO);
        Slot next = deployed(second);

        assertThat(next.version()).isEqualTo("3.0.0");
        assertThat(sandbox.slots()).containsExactly(blue, next);
    }

    @Test
    void shouldRefuseAContextForAnotherApplication() {
        start(HEALTHY);
        DeploymentContext other =
                new DeploymentContext("r-1", DeploymentKey.of("billing", "staging"), new Version("2.0.0"), "abcdef1");

        assertThatThrownBy(() -> target.deployCandidate(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this sandbox target serves shop in staging, but was asked to act on billing in staging");
    }

    @Test
    void shouldAdoptARunningSlotAsTheStableVersion() {
        start(HEALTHY);
        Slot other = sandbox.startSlot("1.1.0");

        SandboxTarget adopted = SandboxTarget.adopt(DeploymentKey.of("billing", "staging"), sandbox, other.id());

        assertThat(adopted.stable()).isEqualTo(other);
        assertThat(weights()).isEqualTo(Weights.all(other.id()));
        assertThatThrownBy(() -> SandboxTarget.adopt(SHOP, sandbox, SlotId.of("slot-99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no slot slot-99 runs in the sandbox at " + sandbox.proxyUri());
    }

    @Test
    void shouldOpenRegisteredTargetsAndTheirMetricSourcesByKey() {
        start(HEALTHY);
        SandboxTargets registry = new SandboxTargets();
        registry.register(target);
        registry.register(target);
        DeploymentContext v2 = rollout("r-1", "2.0.0");
        Slot green = deployed(v2);
        Instant from = Instant.now().minusMillis(200);
        router().setWeight(v2, new Percentage(50));
        send(20);

        MetricSource candidate = registry.open(SandboxTargets.metricSpec(SHOP));
        MetricSource overall = registry.open(SandboxTargets.metricSpec(SHOP, MetricScope.OVERALL, 30));
        MetricWindow window = new MetricWindow(from, Instant.now());
        MetricReadings measured = candidate.sample(window);

        assertThat(registry.open(SHOP, SandboxTargets.targetSpec())).isSameAs(target);
        assertThat(measured.value(Metric.ERROR_RATE)).hasValue(0.0);
        assertThat(measured.value(Metric.AVAILABILITY)).hasValue(100.0);
        assertThat(measured.value(Metric.LATENCY_P95)).isPresent();
        assertThat(overall.sample(window).values())
                .as("20 requests are fewer than the 30 required")
                .isEmpty();
        assertThat(sandbox.metrics(from, Instant.now()).slot(green.id()).requestCount())
                .isEqualTo(10);
        assertThatThrownBy(() -> registry.register(SandboxTarget.adopt(SHOP, sandbox, blue.id())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a sandbox target is already registered for shop in staging");
        assertThat(registry.unregister(SHOP)).contains(target);
        assertThat(registry.find(SHOP)).isEmpty();
    }

    /** Starts versions other than 1.0.0 only once {@code gate} opens. */
    private static SlotLauncher gated(CountDownLatch gate) {
        return (id, version) -> {
            if (!version.equals("1.0.0")) {
                try {
                    if (!gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new SlotStartException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SlotStartException("interrupted", e);
                }
            }
            return HEALTHY.launch(id, version);
        };
    }
}
