package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A production-length window on the simulated clock: 48 hours of samples in well under a second of work. */
class LongWindowTest {

    private static final String WATCH_48_HOURS =
            "deploy; smoke; weight 10; analyse 10m; weight 100; promote;" + " analyse 48h; scaleDown 24h";

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();

    @Test
    void shouldWatchA48HourWindowWithoutWaitingForIt() {
        long started = System.nanoTime();
        RolloutId id = submit();
        world.drive(engine);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.analyses().get(1).samples()).isEqualTo(48 * 60);
        assertThat(Duration.between(
                        record.analyses().get(1).from(),
                        record.analyses().get(1).to()))
                .isEqualTo(Duration.ofHours(48));
        assertThat(world.clock.instant()).isAfter(Harness.T0.plus(Duration.ofHours(72)));
        System.out.println("48 h window with 2 880 samples and a 24 h retention ran in " + elapsedMillis + " ms");
        assertThat(elapsedMillis).as("simulated, not waited for").isLessThan(20_000);
    }

    @Test
    void shouldRollBackInHourThirtyOfTheWindow() {
        Instant incident = Harness.T0.plus(Duration.ofHours(30));
        world.metrics.script(window -> window.to().isAfter(incident)
                ? Map.of(Metric.ERROR_RATE, 3.0, Metric.LATENCY_P95, 100.0, Metric.AVAILABILITY, 99.9)
                : ScriptedMetricSource.HEALTHY);

        RolloutId id = submit();
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        RecordingTarget target = world.target(new DeploymentKey("shop", "staging"));
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.rollbackTriggeredAt()).isBetween(incident, incident.plus(Duration.ofMinutes(1)));
        assertThat(record.reason()).contains("error rate 3.00 % > 1.00 % critical");
        assertThat(target.stable())
                .as("promoted, then switched back to the kept version")
                .isEqualTo("1.0.0");
    }

    private RolloutId submit() {
        return engine.submit(world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(StepParser.parse(WATCH_48_HOURS))
                .analysis(AnalysisThresholds.defaults().withSampleInterval(Duration.ofMinutes(1)))
                .build());
    }
}
