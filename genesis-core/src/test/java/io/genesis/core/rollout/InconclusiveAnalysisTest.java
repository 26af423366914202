package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.InconclusiveAction;
import io.genesis.core.monitor.Metric;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InconclusiveAnalysisTest {

    private static final Map<Metric, Double> NO_ERROR_RATE =
            Map.of(Metric.LATENCY_P95, 120.0, Metric.AVAILABILITY, 99.99);

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();
    private final RecordingTarget target = world.target(new DeploymentKey("shop", "staging"));

    @Test
    void shouldHaltWhereItIsUntilAPersonResumes() {
        world.metrics.script(window -> NO_ERROR_RATE);
        RolloutId id = submit(InconclusiveAction.PAUSE);
        world.runUntil(Harness.T0.plus(Duration.ofHours(1)));

        RolloutView halted = engine.view(id).orElseThrow();
        assertThat(halted.status()).isEqualTo(RolloutStatus.HALTED);
        assertThat(halted.reason()).isEqualTo("inconclusive sample: error rate: no data");
        assertThat(halted.step()).isEqualTo(4);
        assertThat(target.candidateTraffic()).isEqualTo(10);
        assertThat(world.scheduler.isScheduled("rollout:" + id)).isFalse();

        world.metrics.script(window -> io.genesis.core.monitor.ScriptedMetricSource.HEALTHY);
        RolloutView resumed = engine.resume(id, "carol");
        assertThat(resumed.status()).isEqualTo(RolloutStatus.ANALYSING);
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.analyses())
                .extracting(a -> a.outcome())
                .containsExactly("inconclusive", "passed", "passed", "passed");
        assertThat(record.notes()).anySatisfy(n -> assertThat(n).startsWith("resumed by carol at "));
        assertThat(record.phases())
                .filteredOn(p -> p.outcome().equals("halted"))
                .hasSize(1);
    }

    @Test
    void shouldRollBackAHaltedRolloutWhenAsked() {
        world.metrics.script(window -> NO_ERROR_RATE);
        RolloutId id = submit(InconclusiveAction.PAUSE);
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(5)));

        engine.rollback(id, "no metrics, not worth the risk", "carol");

        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(target.stable()).isEqualTo("1.0.0");
        assertThat(target.atRest()).isTrue();
    }

    @Test
    void shouldEndFailedWithTrafficRestoredWhenSetToFail() {
        world.metrics.script(window -> NO_ERROR_RATE);
        RolloutId id = submit(InconclusiveAction.FAIL);
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason()).isEqualTo("inconclusive sample: error rate: no data");
        assertThat(record.restoreTime()).isPresent();
        assertThat(target.stable()).isEqualTo("1.0.0");
        assertThat(target.atRest()).isTrue();
    }

    @Test
    void shouldRollBackWhenSetToRollBack() {
        world.metrics.script(window -> Map.of());
        RolloutId id = submit(InconclusiveAction.ROLL_BACK);
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .isEqualTo("inconclusive sample: error rate: no data; p95 latency: no data; availability: no data");
        assertThat(record.analyses().get(0).inconclusive()).isEqualTo(1);
        assertThat(record.analyses().get(0).ok()).isZero();
    }

    @Test
    void shouldRefuseToResumeARolloutThatIsNotHalted() {
        RolloutId id = submit(InconclusiveAction.PAUSE);

        assertThatThrownBy(() -> engine.resume(id, "carol"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rollout r-0001 is not halted; it is ANALYSING");
    }

    private RolloutId submit(InconclusiveAction action) {
        return engine.submit(world.request("shop", Harness.STAGING)
                .analysis(AnalysisThresholds.defaults().withOnInconclusive(action))
                .build());
    }
}
