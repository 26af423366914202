package io.genesis.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.policy.Percentage;
import io.genesis.sandbox.load.LoadGenerator;
import io.genesis.sandbox.load.LoadPlan;
import io.genesis.sandbox.load.LoadReport;
import io.genesis.sandbox.load.RunningLoad;
import io.genesis.sandbox.metrics.MetricsSnapshot;
import io.genesis.sandbox.metrics.WindowLayout;
import io.genesis.sandbox.proxy.Weights;
import io.genesis.sandbox.sample.FaultProfile;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.sample.SampleServiceMain;
import io.genesis.sandbox.slot.HealthCheck;
import io.genesis.sandbox.slot.ProcessSlotLauncher;
import io.genesis.sandbox.slot.Slot;
import io.genesis.sandbox.slot.SlotKind;
import io.genesis.sandbox.testing.Await;
import io.genesis.sandbox.testing.Http;
import io.genesis.sandbox.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollout-shaped flows against a whole sandbox, the way the engine's adapter will drive it. */
class SandboxITest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ManualClock clock = ManualClock.atStartOf2026();
    private Sandbox sandbox;

    @TempDir
    Path logs;

    @AfterEach
    void closeSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Sandbox start(InProcessSlotLauncher launcher) {
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withLauncher(launcher)
                .withClock(clock)
                .withWindow(new WindowLayout(Duration.ofSeconds(1), 300))
                .withDrainTimeout(Duration.ofSeconds(5)));
        return sandbox;
    }

    /** Metrics once every answered request has been recorded. */
    private MetricsSnapshot settledMetrics() {
        Await.until("the proxy has no request in flight", Duration.ofSeconds(5), () -> sandbox.requestsInFlight() == 0);
        return sandbox.metrics(WINDOW);
    }

    @Test
    void shouldRunABlueGreenRolloutUnderLoad() throws Exception {
        start(InProcessSlotLauncher.healthy());
        Slot blue = sandbox.startSlot("1.0.0");
        sandbox.setWeights(Weights.all(blue.id()));
        Slot green = sandbox.startSlot("2.0.0");
        assertThat(sandbox.checkHealth(green.id()).healthy()).isTrue();

        try (RunningLoad load = LoadGenerator.start(LoadPlan.to(sandbox.proxyUri())
                .duration(Duration.ofSeconds(20))
                .concurrency(2)
                .build())) {
            for (int percent : new int[] {10, 50, 100}) {
                Weights step = Weights.split(blue.id(), green.id(), percent);
                sandbox.setWeights(step);
                assertThat(sandbox.effectiveWeights()).contains(step);
                long before = load.completed();
                Await.until(
                        "traffic flows at " + percent + " %",
                        Duration.ofSeconds(5),
                        () -> load.completed() >= before + 50);
            }
            load.stop();
            LoadReport report = load.await(Duration.ofSeconds(5));
            assertThat(report.failures()).isZero();
            assertThat(report.successes()).isEqualTo(report.sent());
        }
        boolean drained = sandbox.stopSlot(blue.id());

        assertThat(drained).isTrue();
        assertThat(blue.isRunning()).isFalse();
        assertThat(sandbox.slots()).containsExactly(green);
        assertThat(sandbox.effectiveWeights()).contains(Weights.all(green.id()));
        MetricsSnapshot snapshot = settledMetrics();
        assertThat(snapshot.slot(green.id()).requestCount()).isPositive();
        assertThat(snapshot.slot(blue.id()).requestCount()).isPositive();
        assertThat(snapshot.overall().errorRate()).contains(Percentage.ZERO);
        assertThat(Http.get(sandbox.proxyUri()).body()).isEqualTo("2.0.0");
    }

    @Test
    void shouldShowABadCanaryInItsOwnMetricsAndRollBack() throws Exception {
        start(InProcessSlotLauncher.healthy()
                .withFaults("2.0.0-bad", FaultProfile.none().failing(20)));
        Slot stable = sandbox.startSlot("1.0.0");
        Slot canary = sandbox.startSlot("2.0.0-bad");
        sandbox.setWeights(Weights.split(stable.id(), canary.id(), 25));

        LoadReport report = LoadGenerator.run(
                LoadPlan.to(sandbox.proxyUri()).requests(400).concurrency(4).build());

        MetricsSnapshot snapshot = settledMetrics();
        assertThat(report.countWithHeader(canary.id().value())).isEqualTo(100);
        assertThat(snapshot.slot(canary.id()).errorRate()).contains(new Percentage(20));
        assertThat(snapshot.slot(stable.id()).errorRate()).contains(Percentage.ZERO);
        assertThat(snapshot.overall().errorRate()).contains(new Percentage(5));

        sandbox.setWeights(Weights.split(stable.id(), canary.id(), 0));
        sandbox.stopSlot(canary.id());

        assertThat(sandbox.effectiveWeights()).contains(Weights.all(stable.id()));
        assertThat(Http.get(sandbox.proxyUri()).statusCode()).isEqualTo(200);
        assertThat(settledMetrics().overall().requestCount()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(settledMetrics().overall().hasData()).isFalse();
    }

    @Test
    void shouldRefuseToStopASlotThatStillTakesTraffic() {
        start(InProcessSlotLauncher.healthy());
        Slot only = sandbox.startSlot("1.0.0");
        sandbox.setWeights(Weights.all(only.id()));

        assertThatThrownBy(() -> sandbox.stopSlot(only.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set its weight to 0");
        assertThat(only.isRunning()).isTrue();
        assertThat(sandbox.slot(only.id())).contains(only);
    }

    @Test
    void shouldReportAFailingSmokeCheckAndFaultsInjectedLater() {
        start(InProcessSlotLauncher.healthy()
                .withFaults("2.0.0", FaultProfile.none().unhealthy()));
        Slot stable = sandbox.startSlot("1.0.0");
        Slot candidate = sandbox.startSlot("2.0.0");

        HealthCheck smoke = sandbox.checkHealth(candidate.id());
        sandbox.injectFaults(stable.id(), FaultProfile.none().unhealthy());

        assertThat(smoke.healthy()).isFalse();
        assertThat(smoke.status()).isEqualTo(503);
        assertThat(sandbox.checkHealth(stable.id()).healthy()).isFalse();
    }

    @Test
    void shouldNameSlotsAndRejectUnknownOnes() {
        start(InProcessSlotLauncher.healthy());
        Slot first = sandbox.startSlot("1.0.0");
        Slot second = sandbox.startSlot("1.0.0");

        assertThat(first.id().value()).isEqualTo("slot-1");
        assertThat(second.id().value()).isEqualTo("slot-2");
        assertThat(sandbox.slots()).containsExactly(first, second);
        assertThat(sandbox.effectiveWeights()).isEmpty();
        assertThatThrownBy(() -> sandbox.checkHealth(io.genesis.sandbox.slot.SlotId.of("slot-9")))
                .hasMessageContaining("no slot slot-9 in this sandbox; slots: [slot-1, slot-2]");
        assertThatThrownBy(() -> sandbox.startSlot("not a version")).hasMessageContaining("version must start");
    }

    @Test
    void shouldRouteToChildProcessSlots() {
        start(InProcessSlotLauncher.healthy());
        ProcessSlotLauncher processes = ProcessSlotLauncher.of(SampleServiceMain.commandTemplate())
                .withLogDirectory(logs)
                .withStartTimeout(Duration.ofSeconds(20))
                .withStopGrace(Duration.ofSeconds(2));
        Slot child = sandbox.startSlot("3.0.0", processes);
        sandbox.setWeights(Weights.all(child.id()));

        assertThat(child.kind()).isEqualTo(SlotKind.CHILD_PROCESS);
        assertThat(Http.get(sandbox.proxyUri()).body()).isEqualTo("3.0.0");
        assertThatThrownBy(() -> sandbox.injectFaults(child.id(), FaultProfile.none()))
                .hasMessageContaining("only in-process slots take faults at run time");

        sandbox.close();

        assertThat(child.isRunning()).isFalse();
        assertThat(sandbox.slots()).isEmpty();
        sandbox = null;
    }
}
