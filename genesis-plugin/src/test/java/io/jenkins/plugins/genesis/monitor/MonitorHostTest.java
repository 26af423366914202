package io.jenkins.plugins.genesis.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.notify.Channel;
import io.genesis.core.notify.ChannelType;
import io.genesis.core.notify.NotificationDelivery;
import io.genesis.core.notify.NotificationListener;
import io.genesis.core.notify.NotificationTargets;
import io.genesis.core.notify.Outbox;
import io.genesis.core.notify.Receiver;
import io.genesis.core.notify.SecretResolver;
import io.genesis.core.policy.Environment;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine side of {@code genesisMonitor} and of the watch the controller starts after a deploy, end
 * to end through the execution's own calls ({@link MonitorCalls}) on the plugin's hosts over real
 * file stores, on a simulated clock: a 48-hour window passes in milliseconds.
 */
class MonitorHostTest {

    private static final String KEY = MonitorWorld.MONITOR_BUILD + "#node:21";

    @TempDir
    Path state;

    private WatchId start(MonitorWorld world, GenesisMonitorStep step) {
        return MonitorCalls.start(
                world.monitor,
                KEY,
                step,
                MonitorWorld.PRODUCTION,
                EnvironmentSources.NONE,
                MonitorWorld.MONITOR_BUILD,
                "bob");
    }

    private static WatchState view(MonitorWorld world, WatchId id) {
        return world.monitor.view(id).orElseThrow();
    }

    @Test
    void shouldStartTheEnvironmentsWatchAfterASuccessfulRolloutOnceAndShowItOnTheDeployingBuild() {
        // given
        MonitorWorld world = new MonitorWorld(state);

        // when
        DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");

        // then: one watch of that rollout, for production's window, on the deploying build's page
        WatchId id = MonitorHost.idFor("after:" + deployed.id());
        WatchState watched = view(world, id);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(deployed.status()).isEqualTo(RecordStatus.SUCCEEDED);
            soft.assertThat(watched.request().rolloutId()).isEqualTo(deployed.id());
            soft.assertThat(watched.endsAt()).isEqualTo(watched.startedAt().plus(Duration.ofHours(3)));
            soft.assertThat(watched.request().initiator()).isEqualTo("jenkins, after rollout " + deployed.id());
            soft.assertThat(world.shown).contains(MonitorWorld.DEPLOYING_BUILD + " WATCHING ");
            soft.assertThat(world.log).anyMatch(line -> line.startsWith("watching rollout " + deployed.id()));
        });

        // when: the record is heard again (an event after its end)
        Optional<String> again = world.monitor.afterRollout(
                deployed, name -> Optional.of(MonitorWorld.PRODUCTION), EnvironmentSources.NONE);

        // then
        assertThat(again).isEmpty();
    }

    @Test
    void shouldNotWatchWhereTheEnvironmentHasNoWindow() {
        // given
        MonitorWorld world = new MonitorWorld(state);

        // when
        DeploymentRecord deployed = world.deploy(MonitorWorld.STAGING, "1.1.0");

        // then
        assertThat(deployed.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(world.monitor.view(MonitorHost.idFor("after:" + deployed.id())))
                .isEmpty();
    }

    @Test
    void shouldReturnAtOnceJoiningTheWatchTheControllerStarted() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        RecordingWatchSink sink = new RecordingWatchSink();

        // when
        WatchId id = start(world, MonitorWorld.step());
        MonitorCalls.returnAtOnce(world.monitor, id, sink);

        // then: the step ended at once, the watch goes on
        assertThat(id).isEqualTo(MonitorHost.idFor("after:" + deployed.id()));
        assertThat(sink.endings).containsExactly("succeeded");
        assertThat(sink.value)
                .containsEntry("stage", "WATCHING")
                .containsEntry("verdict", "")
                .containsEntry("version", "1.1.0")
                .containsEntry("rolloutId", deployed.id());
        assertThat(sink.said("goes on in the controller's background")).isTrue();
        assertThat(view(world, id).ended()).isFalse();
    }

    @Test
    void shouldStartItsOwnWatchWhenAskedForALongerWindowSupersedingTheControllers() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        GenesisMonitorStep longer = MonitorWorld.step();
        longer.setWatch("4h");

        // when
        WatchId id = start(world, longer);
        WatchId again = start(world, longer);
        world.runDue();

        // then
        WatchState own = view(world, id);
        assertThat(again).isEqualTo(id).isEqualTo(MonitorHost.idFor(KEY));
        assertThat(own.endsAt()).isEqualTo(own.startedAt().plus(Duration.ofHours(4)));
        assertThat(own.request().initiator()).isEqualTo("bob");
        WatchState controllers = view(world, MonitorHost.idFor("after:" + deployed.id()));
        assertThat(controllers.outcome().verdict()).isEqualTo(WatchVerdict.SUPERSEDED);
        assertThat(world.shown).contains(MonitorWorld.MONITOR_BUILD + " WATCHING ");
    }

    @Test
    void shouldRefuseAShorterWindowAndNothingDeployedWithTheFix() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        GenesisMonitorStep shorter = MonitorWorld.step();
        shorter.setWatch("1h");

        // when / then: nothing runs yet
        assertThatThrownBy(() -> start(world, MonitorWorld.step()))
                .hasMessage("nothing of shop runs in production according to the engine's history, so there is"
                        + " nothing to watch; fix: deploy it with genesisDeploy first");

        // when / then: a deployed version, but the window would be shorter than production's
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        assertThatThrownBy(() -> start(world, shorter))
                .hasMessage("watch '1h' would shorten production's post-deploy watch of 3 h, and a call may only"
                        + " lengthen it; fix: leave watch out, or give 3 h or more");
    }

    @Test
    void shouldFailTheWaitingStepWhenTheVersionDegradesTwoHoursInAndIsRolledBack() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        Instant degrades = world.clock.instant().plus(Duration.ofHours(2));
        world.metrics.script(
                window -> window.to().isAfter(degrades) ? MonitorWorld.BROKEN : ScriptedMetricSource.HEALTHY);
        GenesisMonitorStep waits = MonitorWorld.step();
        waits.setWait(true);
        RecordingWatchSink sink = new RecordingWatchSink();

        // when
        WatchId id = start(world, waits);
        MonitorCalls.await(
                world.monitor,
                id,
                MonitorCalls.releaseAt(Optional.empty(), view(world, id), world.clock.instant()),
                sink);
        world.runUntil(sink::ended, "the step ended");

        // then: the stage fails with the measured value, the rollout's record says ROLLED_BACK
        WatchState ended = view(world, id);
        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
        assertThat(sink.endings).containsExactly("failed");
        assertThat(sink.failure)
                .startsWith("shop 1.1.0 in production: post-deploy watch " + id + " ROLLED_BACK: ")
                .contains("error rate 6.00 %");
        assertThat(sink.said(id + ": ")).isTrue();
        assertThat(world.unwatched).anySatisfy(record -> {
            assertThat(record.id()).isEqualTo(deployed.id());
            assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
            assertThat(record.build()).isEqualTo(MonitorWorld.DEPLOYING_BUILD);
        });
        assertThat(world.shown).contains(MonitorWorld.DEPLOYING_BUILD + " ENDED ROLLED_BACK");
        assertThat(ended.endsAt().isAfter(ended.outcome().endedAt())).isTrue();
    }

    @Test
    void shouldReturnAfterForWhileTheWatchGoesOnToAHealthyVerdict() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        GenesisMonitorStep bounded = MonitorWorld.step();
        bounded.setFor("30m");
        RecordingWatchSink sink = new RecordingWatchSink();
        WatchId id = start(world, bounded);
        Instant release =
                MonitorCalls.releaseAt(MonitorTranslation.waitFor(bounded), view(world, id), world.clock.instant());

        // when
        MonitorCalls.await(world.monitor, id, release, sink);
        world.runUntil(sink::ended, "the step returned");

        // then: the step returned after 30 minutes with the watch still running
        assertThat(world.clock.instant()).isEqualTo(release);
        assertThat(sink.endings).containsExactly("succeeded");
        assertThat(sink.value).containsEntry("stage", "WATCHING");
        // 60 samples in 30 minutes, the last one due at the very instant of the release
        assertThat((Integer) sink.value.get("samples")).isBetween(59, 60);
        assertThat(sink.said("goes on in the background")).isTrue();

        // when: the rest of the window passes
        world.runUntil(() -> view(world, id).ended(), "the watch ended");

        // then
        assertThat(view(world, id).outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(sink.endings).containsExactly("succeeded");
        assertThat(world.shown).contains(MonitorWorld.DEPLOYING_BUILD + " ENDED HEALTHY");
    }

    @Test
    void shouldWaitForTheVerdictWhenForIsLongerThanTheWindow() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        GenesisMonitorStep bounded = MonitorWorld.step();
        bounded.setFor("4h");
        WatchId id = start(world, bounded);

        // when / then
        assertThat(MonitorCalls.releaseAt(MonitorTranslation.waitFor(bounded), view(world, id), world.clock.instant()))
                .isNull();
    }

    @Test
    void shouldCarryOnWaitingAfterARestartAndEndWithTheVerdict() {
        // given: a step waiting for the verdict an hour into the watch
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        GenesisMonitorStep waits = MonitorWorld.step();
        waits.setWait(true);
        WatchId id = start(world, waits);
        MonitorCalls.await(world.monitor, id, null, new RecordingWatchSink());
        world.runUntil(() -> view(world, id).sampling().run().samples() >= 120, "an hour of samples");

        // when: the controller restarts (the engine's name is kept in its directory), the step resumes
        world.restart();
        RecordingWatchSink resumed = new RecordingWatchSink();
        MonitorCalls.await(world.monitor, id, null, resumed);
        world.runUntil(resumed::ended, "the resumed step ended");

        // then
        WatchState ended = view(world, id);
        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.sampling().run().samples()).isGreaterThanOrEqualTo(3 * 120 - 1);
        assertThat(resumed.endings).containsExactly("succeeded");
        assertThat(resumed.value).containsEntry("verdict", "HEALTHY");
    }

    @Test
    void shouldEndAResumedStepAtOnceWhenItsWatchEndedWhileTheControllerWasDown() {
        // given: a watch that ended, as if during the controller's downtime
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        WatchId id = start(world, MonitorWorld.step());
        world.runUntil(() -> view(world, id).ended(), "the watch ended");
        world.restart();
        RecordingWatchSink resumed = new RecordingWatchSink();

        // when
        MonitorCalls.await(world.monitor, id, null, resumed);

        // then
        assertThat(resumed.endings).containsExactly("succeeded");
        assertThat(view(world, id).stage()).isEqualTo(WatchStage.ENDED);
    }

    @Test
    void shouldFailAResumedStepWhoseWatchIsNotStored() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        RecordingWatchSink resumed = new RecordingWatchSink();

        // when
        MonitorCalls.await(world.monitor, MonitorHost.idFor("nothing"), null, resumed);

        // then
        assertThat(resumed.endings).containsExactly("failed");
        assertThat(resumed.failure).endsWith("is no longer stored; nothing to wait for");
    }

    @Test
    void shouldSayWhereAWatchIs() {
        // given
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        WatchId id = start(world, MonitorWorld.step());
        world.runUntil(() -> view(world, id).sampling().run().samples() >= 3, "three samples");

        // when / then
        assertThat(MonitorCalls.status(world.monitor, id))
                .startsWith("watch " + id + " of shop 1.1.0 in production: WATCHING until ")
                .endsWith(", 3 samples, 0 incidents");
        assertThat(MonitorCalls.status(world.monitor, null)).isEqualTo("starting the watch");
    }

    @Test
    void shouldNotifyTheWatchesCriticalIncidentAndEndThroughTheControllersOutbox() throws Exception {
        // given: a webhook receiver on 127.0.0.1 for production, the outbox the controller delivers
        List<String> problems = new CopyOnWriteArrayList<>();
        try (Receiver webhook = Receiver.start()) {
            NotificationTargets targets = new NotificationTargets(Map.of(
                    "production",
                    List.of(new Channel("audit", ChannelType.WEBHOOK, null, webhook.url("/genesis"), null, Map.of()))));
            MonitorWorld world = new MonitorWorld(state, at -> {
                Outbox outbox = Outbox.builder(state.resolve("notifications"))
                        .force(false)
                        .clock(at.clock)
                        .targets(targets)
                        .secrets(SecretResolver.of(Map.of()))
                        .build();
                NotificationDelivery delivery =
                        new NotificationDelivery(outbox, at.scheduler, Runnable::run, at.clock, problems::add);
                return new NotificationListener(delivery, problems::add)::watches;
            });
            Instant degrades = world.clock.instant().plus(Duration.ofHours(2));
            world.metrics.script(
                    window -> window.to().isAfter(degrades) ? MonitorWorld.BROKEN : ScriptedMetricSource.HEALTHY);

            // when: the controller's own watch of the deploy rolls it back two hours in
            DeploymentRecord deployed = world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
            WatchId id = MonitorHost.idFor("after:" + deployed.id());
            world.runUntil(() -> view(world, id).ended(), "the watch ended");
            world.runUntil(() -> webhook.received().size() >= 2, "two notifications received");

            // then: the receiver heard the critical incident and the end, once each
            assertThat(view(world, id).outcome().verdict()).isEqualTo(WatchVerdict.ROLLED_BACK);
            assertThat(problems).isEmpty();
            assertThat(webhook.received())
                    .extracting(received -> received.header("Idempotency-Key"))
                    .containsExactlyInAnyOrder(id + ".watch.critical.1", id + ".watch.ended");
            assertThat(webhook.received())
                    .anySatisfy(received -> assertThat(received.body())
                            .contains("\"kind\":\"watch.critical\"")
                            .contains("error rate 6.00 %"));
        }
    }

    @Test
    void shouldRefuseAProbeUrlReplacingAProtectedEnvironmentsConfiguredSourceAndUseTheConfiguredOne() {
        // given: production is protected and its configuration names the metric source
        MonitorWorld world = new MonitorWorld(state);
        world.deploy(MonitorWorld.PRODUCTION, "1.1.0");
        Environment production = MonitorWorld.PRODUCTION.withProtected(true);
        MetricSpec configured = new MetricSpec("prometheus", Map.of("url", "http://127.0.0.1:9090"));
        EnvironmentSources sources = name -> name.equals("production") ? Optional.of(configured) : Optional.empty();
        GenesisMonitorStep probing = MonitorWorld.step();
        probing.setProbeUrl("http://127.0.0.1:8080/health");
        GenesisMonitorStep longer = MonitorWorld.step();
        longer.setWatch("4h");

        // when / then
        assertThatThrownBy(() -> MonitorCalls.start(
                        world.monitor, KEY, probing, production, sources, MonitorWorld.MONITOR_BUILD, "bob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("production is protected and its metric source comes from its configuration");
        WatchId id =
                MonitorCalls.start(world.monitor, KEY, longer, production, sources, MonitorWorld.MONITOR_BUILD, "bob");
        assertThat(view(world, id).request().metrics()).isEqualTo(configured);
    }
}
