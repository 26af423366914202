package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Metric;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The watch a rollout calls for once it has ended, started here or registered for another process. */
class WatchAfterRolloutTest {

    private final WatchWorld world = new WatchWorld();

    @Test
    void shouldWatchASuccessfulRolloutsVersionWithItsOwnMetricSourceAndThresholds() {
        RolloutState ended = ended(world.deploy());
        Watcher watcher = world.watcher();

        WatchAfterRollout.Decision decision = new WatchAfterRollout(watcher).start(ended, Duration.ofHours(48));

        WatchState watch = watcher.view(decision.watch().orElseThrow()).orElseThrow();
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(watch.request().rolloutId()).isEqualTo(ended.id().value());
            soft.assertThat(watch.request().version()).isEqualTo(ended.request().version());
            soft.assertThat(watch.request().metrics()).isEqualTo(ended.request().metrics());
            soft.assertThat(watch.request().thresholds())
                    .isEqualTo(ended.request().analysis());
            soft.assertThat(watch.request().window()).isEqualTo(Duration.ofHours(48));
            soft.assertThat(watch.owner()).isEqualTo(world.settings.owner());
            soft.assertThat(decision.message())
                    .startsWith("watching " + watch.id() + ": version "
                            + watch.request().version().value())
                    .contains("for 48 h", "rolls back rollout " + ended.id());
        });
        assertThat(world.runToEnd(watcher, watch.id()).outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
    }

    @Test
    void shouldStartNoWatchWhereTheEnvironmentHasNoWatchWindow() {
        RolloutState ended = ended(world.deploy());

        WatchAfterRollout.Decision decision = new WatchAfterRollout(world.watcher()).start(ended, Duration.ZERO);

        assertThat(decision.watch()).isEmpty();
        assertThat(decision.message()).contains("staging has no watch window (watchHours 0)");
        assertThat(world.watches.list()).isEmpty();
    }

    @Test
    void shouldStartNoWatchAfterARolloutThatWasRolledBack() {
        world.metrics.script(window -> Map.of(
                Metric.ERROR_RATE, 8.0,
                Metric.LATENCY_P95, 120.0,
                Metric.AVAILABILITY, 92.0));
        RolloutState ended = ended(world.deploy());

        WatchAfterRollout.Decision decision = new WatchAfterRollout(world.watcher()).start(ended, Duration.ofHours(48));

        assertThat(decision.watch()).isEmpty();
        assertThat(decision.message()).contains("ended ROLLED_BACK", "is not live");
        assertThat(world.watches.list()).isEmpty();
    }

    @Test
    void shouldRegisterAWatchThatNobodyRunsUntilAWatcherOfTheStoreAdoptsIt() {
        RolloutState ended = ended(world.deploy());
        Watcher deploying = world.watcher();
        int pendingBefore = world.scheduler.pending();

        WatchId id = new WatchAfterRollout(deploying)
                .register(ended, Duration.ofHours(2))
                .watch()
                .orElseThrow();

        assertThat(world.scheduler.pending())
                .as("nothing scheduled by the registering process")
                .isEqualTo(pendingBefore);
        assertThat(deploying.running()).isEmpty();
        Watcher server = world.watcher("server-1", other -> false);
        assertThat(server.reconcile()).containsExactly(id);
        assertThat(server.reconcile())
                .as("a watch it runs already is not adopted again")
                .isEmpty();
        WatchState watched = world.runToEnd(server, id);
        assertThat(watched.owner()).isEqualTo("server-1");
        assertThat(watched.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(watched.sampling().run().samples()).isEqualTo(2 * 60 * 2);
        assertThat(world.said).contains("adopted from " + world.settings.owner());
    }

    @Test
    void shouldSupersedeARunningWatchOfTheSameKeyWhenANewOneIsRegistered() {
        RolloutId first = world.deploy();
        Watcher server = world.watcher("server-1", other -> false);
        WatchId older = server.start(world.request(first, "1.0.1", Duration.ofHours(48)));

        RolloutId second = world.deploy();
        WatchId newer = world.watcher().register(world.request(second, "1.1.0", Duration.ofHours(48)));

        // The server runs it and is alive: it ends the watch itself, at its next wake-up.
        assertThat(server.view(older).orElseThrow().ended()).isFalse();
        server.tick(older);
        assertThat(server.view(older).orElseThrow().outcome().reason())
                .isEqualTo("superseded by watch " + newer + " (version 1.1.0, rollout " + second + ")");
        assertThat(server.running()).doesNotContain(older);
        assertThat(server.reconcile()).containsExactly(newer);
    }

    @Test
    void shouldAdoptAtOnceTheWatchOfAnOwnerWhoseProcessHasEnded() {
        RolloutId deployed = world.deploy();
        WatchId id = world.watcher().start(world.request(deployed, "1.1.0", Duration.ofHours(1)));

        List<WatchId> byAnyOther = world.watcher("server-1", other -> false).reconcile();
        List<WatchId> byOneWhoKnows = world.watcher("server-2", other -> other.equals(world.settings.owner()))
                .reconcile();

        assertThat(byAnyOther).as("the owner's lease still runs").isEmpty();
        assertThat(byOneWhoKnows).containsExactly(id);
        assertThat(world.watches.load(id).orElseThrow().owner()).isEqualTo("server-2");
    }

    @Test
    void shouldHandItsWatchesOverAtOnceWhenReleasedOnAGracefulStop() {
        RolloutId deployed = world.deploy();
        Watcher stopping = world.watcher("server-1", other -> false);
        WatchId id = stopping.start(world.request(deployed, "1.1.0", Duration.ofHours(1)));
        world.scheduler.runFor(Duration.ofMinutes(10));

        assertThat(stopping.release()).containsExactly(id);

        assertThat(stopping.running()).isEmpty();
        assertThat(world.scheduler.isScheduled("watch:" + id))
                .as("wake-up left behind")
                .isFalse();
        assertThat(world.scheduler.isScheduled("watch-heartbeat:server-1"))
                .as("heartbeat left behind")
                .isFalse();
        Watcher next = world.watcher("server-2", other -> false);
        assertThat(next.reconcile()).containsExactly(id);
        WatchState ended = world.runToEnd(next, id);
        assertThat(ended.outcome().verdict()).isEqualTo(WatchVerdict.HEALTHY);
        assertThat(ended.sampling().run().samples())
                .as("no time sampled twice or skipped")
                .isEqualTo(120);
    }

    private RolloutState ended(RolloutId id) {
        return world.rollouts.load(id).orElseThrow();
    }
}
