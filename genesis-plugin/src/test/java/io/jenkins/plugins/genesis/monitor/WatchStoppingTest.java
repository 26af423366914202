package io.jenkins.plugins.genesis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchThresholds;
import io.genesis.core.watch.WatchVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The <i>Stop watching</i> button's decision on the controller's watcher, and a newer deploy without a
 * watch of its own superseding the running one.
 */
class WatchStoppingTest {

    @TempDir
    Path state;

    @Test
    void shouldStopARunningWatchRecordingTheJenkinsUserAndTheReason() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        WatchId id = MonitorHost.idFor("after:" + deployed.id());
        world.runDue();

        // when
        WatchStopping blank = WatchStopping.stop(world.monitor, id, "alice", "  ");
        WatchStopping stopped = WatchStopping.stop(world.monitor, id, "alice", " known noisy dependency ");
        world.runDue();
        WatchStopping again = WatchStopping.stop(world.monitor, id, "bob", "again");
        WatchStopping unknown = WatchStopping.stop(world.monitor, WatchId.of("jw-nothing"), "bob", "why");

        // then
        assertThat(blank.stopped()).isFalse();
        assertThat(blank.message()).contains("was not stopped: say why in the reason field");
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.message()).isEqualTo("watch " + id + " STOPPED: stopped by alice: known noisy dependency");
        WatchState ended = world.monitor.view(id).orElseThrow();
        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(ended.outcome().reason()).isEqualTo("stopped by alice: known noisy dependency");
        assertThat(world.shown).contains(MonitorWorld.DEPLOYING_BUILD + " ENDED STOPPED");
        assertThat(again.stopped()).isFalse();
        assertThat(again.message()).isEqualTo("watch " + id + " has ended already: STOPPED; nothing to stop");
        assertThat(unknown.stopped()).isFalse();
        assertThat(unknown.message()).contains("is not known to this controller's post-deploy watcher");
        assertThat(world.target.stable()).isEqualTo("1.1.0");
    }

    @Test
    void shouldSupersedeTheRunningWatchWhenANewerDeployStartsNone() {
        // given: 1.1.0 watched, then production's window taken away
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord first = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        WatchId watched = MonitorHost.idFor("after:" + first.id());
        world.production = MonitorWorld.PRODUCTION.withWatchWindow(Duration.ZERO);

        // when
        DeploymentRecord newer = world.deploy(MonitorWorld.PRODUCTION, "1.2.0");

        // then
        WatchState superseded = world.monitor.view(watched).orElseThrow();
        assertThat(superseded.outcome().verdict()).isEqualTo(WatchVerdict.SUPERSEDED);
        assertThat(superseded.outcome().reason())
                .isEqualTo(
                        "superseded by rollout " + newer.id() + " (version 1.2.0), which started no watch of its own");
        assertThat(world.monitor.view(MonitorHost.idFor("after:" + newer.id()))).isEmpty();
        assertThat(world.log)
                .anyMatch(line ->
                        line.startsWith("rollout " + newer.id() + " superseded the watch(es) [" + watched + "]"));
    }

    @Test
    void shouldWatchWithTheEnvironmentsConfiguredThresholds() {
        // given: a rollout no watch followed yet, and an environment whose configuration sets thresholds
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord deployed = world.deploy(MonitorWorld.STAGING, "1.1.0");
        WatchThresholds configured = new WatchThresholds(
                AnalysisThresholds.defaults()
                        .withConsecutiveCriticalForRollback(3)
                        .withSampleInterval(Duration.ofSeconds(10)),
                4);
        EnvironmentSources sources = new EnvironmentSources() {
            @Override
            public Optional<MetricSpec> of(String environment) {
                return Optional.empty();
            }

            @Override
            public Optional<WatchThresholds> thresholds(String environment) {
                return Optional.of(configured);
            }
        };

        // when
        world.monitor.afterRollout(deployed, name -> Optional.of(MonitorWorld.PRODUCTION), sources);

        // then
        WatchState watch =
                world.monitor.view(MonitorHost.idFor("after:" + deployed.id())).orElseThrow();
        assertThat(watch.request().thresholds()).isEqualTo(configured.thresholds());
        assertThat(watch.request().recoverySamples()).isEqualTo(4);
    }
}
