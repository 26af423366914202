package io.genesis.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.rollout.RolloutState;
import io.genesis.core.target.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person stopping a watch and a newer deploy superseding one, from this process or another one: the
 * request is stored apart from the watch, and the process that runs it ends it at its next wake-up.
 */
class WatchEndingTest {

    @TempDir
    Path dir;

    @Test
    void shouldEndAWatchAnotherLiveProcessRunsAtThatProcesssNextSample() {
        WatchWorld world = new WatchWorld(new FileWatchStore(dir.resolve("watches"), false));
        Watcher owner = world.watcher();
        WatchId id = owner.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofMinutes(5));
        Watcher command = world.watcher("command-1", other -> false);

        WatchState asked = command.stop(id, "alice", "known noisy dependency");

        assertThat(asked.ended()).isFalse();
        assertThat(asked.owner()).isEqualTo(world.settings.owner());
        assertThat(world.watches.endRequested(id)).hasValueSatisfying(request -> {
            assertThat(request.verdict()).isEqualTo(WatchVerdict.STOPPED);
            assertThat(request.requestedAt()).isEqualTo(world.clock.instant());
        });
        assertThat(world.watches.list())
                .singleElement()
                .extracting(WatchState::id)
                .isEqualTo(id);

        world.scheduler.runFor(Duration.ofSeconds(30));

        WatchState stopped = owner.view(id).orElseThrow();
        assertThat(stopped.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(stopped.outcome().reason()).isEqualTo("stopped by alice: known noisy dependency");
        assertThat(stopped.owner()).isEqualTo(world.settings.owner());
        assertThat(stopped.sampling().run().samples()).isEqualTo(10);
        assertThat(owner.running()).isEmpty();
        assertThat(world.scheduler.isScheduled("watch:" + id)).isFalse();
    }

    @Test
    void shouldHearAStopAtTheOwnersNextReconcileBeforeItsNextSample() {
        WatchWorld world = new WatchWorld();
        Watcher owner = world.watcher();
        WatchId id = owner.start(world.request(null, "1.1.0", Duration.ofHours(48)));
        world.watcher("command-1", other -> false).stop(id, "alice", "why");

        owner.reconcile();

        assertThat(owner.view(id).orElseThrow().outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(owner.running()).isEmpty();
    }

    @Test
    void shouldEndAWatchThatNobodyRunsAtOnce() {
        WatchWorld world = new WatchWorld();
        WatchId id = world.watcher().register(world.request(null, "1.1.0", Duration.ofHours(2)));
        Watcher command = world.watcher("command-1", other -> false);

        WatchState stopped = command.stop(id, "alice", "rolled forward by hand");

        assertThat(stopped.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        assertThat(stopped.outcome().reason()).isEqualTo("stopped by alice: rolled forward by hand");
        assertThat(world.watcher("serve-1", other -> false).reconcile()).isEmpty();
    }

    @Test
    void shouldStopTheRunningWatchesOfAKeyOrOnlyThoseOfOneVersion() {
        WatchWorld world = new WatchWorld();
        Watcher watcher = world.watcher();
        WatchId id = watcher.start(world.request(null, "1.1.0", Duration.ofHours(48)));

        List<WatchState> otherVersion =
                watcher.stop(WatchWorld.SHOP, Optional.of(new Version("1.2.0")), "alice", "why");
        List<WatchState> otherKey = watcher.stop(
                new io.genesis.core.target.DeploymentKey("shop", "production"), Optional.empty(), "alice", "why");
        List<WatchState> stopped = watcher.stop(WatchWorld.SHOP, Optional.empty(), "alice", "why");

        assertThat(otherVersion).isEmpty();
        assertThat(otherKey).isEmpty();
        assertThat(stopped).singleElement().satisfies(state -> {
            assertThat(state.id()).isEqualTo(id);
            assertThat(state.outcome().verdict()).isEqualTo(WatchVerdict.STOPPED);
        });
        assertThat(watcher.stop(WatchWorld.SHOP, Optional.empty(), "alice", "again"))
                .isEmpty();
    }

    @Test
    void shouldBeSupersededByANewerSuccessfulRolloutThatStartsNoWatch() {
        WatchWorld world = new WatchWorld();
        Watcher owner = world.watcher();
        WatchId older = owner.start(world.request(null, "1.0.0", Duration.ofHours(48)));
        world.scheduler.runFor(Duration.ofHours(1));
        RolloutState newer = world.rollouts.load(world.deploy()).orElseThrow();
        Watcher deploying = world.watcher("deploy-1", other -> false);

        WatchAfterRollout.Decision decision = new WatchAfterRollout(deploying).register(newer, Duration.ZERO);

        assertThat(decision.watch()).isEmpty();
        assertThat(decision.message()).contains("no watch window", "it supersedes " + older);
        assertThat(owner.view(older).orElseThrow().ended()).isFalse();
        world.scheduler.runFor(Duration.ofSeconds(30));
        WatchState superseded = owner.view(older).orElseThrow();
        assertThat(superseded.outcome().verdict()).isEqualTo(WatchVerdict.SUPERSEDED);
        assertThat(superseded.outcome().reason())
                .isEqualTo("superseded by rollout " + newer.id() + " (version "
                        + newer.request().version().value() + "), which started no watch of its own");
    }

    @Test
    void shouldSupersedeNoWatchOfTheSameRolloutNorOneStartedAfterIt() {
        WatchWorld world = new WatchWorld();
        RolloutState deployed = world.rollouts.load(world.deploy()).orElseThrow();
        Watcher watcher = world.watcher();
        WatchId own = watcher.start(world.request(deployed.id(), "1.1.0", Duration.ofHours(48)));
        world.clock.advance(Duration.ofMinutes(1));
        WatchAfterRollout after = new WatchAfterRollout(watcher);

        assertThat(after.supersede(deployed)).isEmpty();
        assertThat(watcher.view(own).orElseThrow().ended()).isFalse();
        WatchId later = watcher.start(world.request(null, "1.2.0", Duration.ofHours(48)));
        assertThat(after.supersede(deployed)).isEmpty();
        assertThat(watcher.view(later).orElseThrow().ended()).isFalse();
    }

    @Test
    void shouldRecordTheSupersedingRolloutWhenANewerWatchStarts() {
        WatchWorld world = new WatchWorld();
        Watcher watcher = world.watcher();
        WatchId older = watcher.start(world.request(null, "1.0.0", Duration.ofHours(48)));
        RolloutState newer = world.rollouts.load(world.deploy()).orElseThrow();

        WatchId newest = new WatchAfterRollout(watcher)
                .start(newer, Duration.ofHours(48))
                .watch()
                .orElseThrow();

        assertThat(watcher.view(older).orElseThrow().outcome().reason())
                .isEqualTo("superseded by watch " + newest + " (version "
                        + newer.request().version().value() + ", rollout " + newer.id() + ")");
    }
}
