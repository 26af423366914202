package io.genesis.core.watch;

import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.Orchestrator;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.rollout.RolloutMilestone;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutView;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A simulated world for watch tests: a manual clock and scheduler, a real orchestrator on
 * in-memory stores with a recording target, a scripted metric source, and a watcher whose
 * engine can be abandoned and replaced by a fresh one, as a restarted process would be.
 */
final class WatchWorld {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Environment STAGING = Environments.defaults().named("staging");
    static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");

    /** An error rate past the warning bound, nothing else wrong. */
    static final Map<Metric, Double> WARNING = Map.of(
            Metric.ERROR_RATE, 0.5,
            Metric.LATENCY_P95, 120.0,
            Metric.AVAILABILITY, 99.99);
    /** An error rate past the critical bound, short of the automatic-rollback bound. */
    static final Map<Metric, Double> CRITICAL = Map.of(
            Metric.ERROR_RATE, 2.0,
            Metric.LATENCY_P95, 120.0,
            Metric.AVAILABILITY, 99.99);

    final ManualClock clock = new ManualClock(T0);
    SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    final InMemoryRolloutStateStore rollouts = new InMemoryRolloutStateStore();
    final InMemoryRolloutLock locks = new InMemoryRolloutLock();
    final InMemoryHistoryStore history = new InMemoryHistoryStore();
    final RecordingTarget target = RecordingTarget.capable("shop", clock, "1.0.0");
    final ScriptedMetricSource metrics = new ScriptedMetricSource();
    final WatchStore watches;
    final List<String> said = new CopyOnWriteArrayList<>();
    private final Supplier<WatchId> ids = WatchId.sequence("w");
    private final Supplier<RolloutId> rolloutIds = RolloutId.sequence("r");
    /** Where rollouts' and watches' events also go, for a test that listens (notifications). */
    RolloutListener rolloutListener = event -> {};

    WatchListener watchListener = event -> {};
    EngineSettings settings = EngineSettings.defaults("engine-1");
    Orchestrator engine = engine();
    WatchRollback rollback = WatchRollback.through(engine);

    /** A world whose watches are kept in memory. */
    WatchWorld() {
        this(new InMemoryWatchStore());
    }

    /** A world whose watches are kept in {@code watches}, as a restarted process would find them. */
    WatchWorld(WatchStore watches) {
        this.watches = watches;
    }

    Orchestrator engine() {
        return Orchestrator.builder()
                .settings(settings)
                .clock(clock)
                .scheduler(scheduler)
                .states(rollouts)
                .locks(locks)
                .history(history)
                .targets((key, spec) -> target)
                .metricSources(spec -> metrics)
                .ids(rolloutIds)
                .listener(new RolloutListener() {
                    @Override
                    public void onEvent(RolloutEvent event) {
                        rolloutListener.onEvent(event);
                    }

                    @Override
                    public void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
                        rolloutListener.onMilestone(milestone, state, event);
                    }
                })
                .build();
    }

    Watcher watcher() {
        return watcher(settings.owner(), other -> false);
    }

    /** A watcher of the same store under another owner, such as a long-running process beside this one. */
    Watcher watcher(String owner, Predicate<String> ownerEnded) {
        return Watcher.builder()
                .clock(clock)
                .scheduler(scheduler)
                .store(watches)
                .owner(owner, settings.leaseTtl())
                .ownerEnded(ownerEnded)
                .metricSources(spec -> metrics)
                .rollback(rollback)
                .listener(new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        said.add(event.message());
                        watchListener.onEvent(event);
                    }

                    @Override
                    public void onMilestone(
                            WatchMilestone milestone, WatchState state, Incident incident, WatchEvent event) {
                        watchListener.onMilestone(milestone, state, incident, event);
                    }
                })
                .ids(ids)
                .build();
    }

    /** Deploys a build of main to staging and runs the rollout until it has ended. */
    RolloutId deploy() {
        RolloutId id = engine.submit(RolloutRequest.builder("shop", STAGING)
                .commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                .ref(SourceRef.branch("main"))
                .target(TargetSpec.of("recording"))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob")
                .build());
        for (int i = 0; i < 10_000 && !engine.view(id).orElseThrow().status().ended(); i++) {
            scheduler.runUntil(scheduler.next().orElseThrow());
        }
        return id;
    }

    RolloutView rollout(RolloutId id) {
        return engine.view(id).orElseThrow();
    }

    WatchRequest request(RolloutId deployed, String version, Duration window) {
        return WatchRequest.of(
                SHOP,
                new Version(version),
                deployed == null ? "" : deployed.value(),
                MetricSpec.of("scripted"),
                AnalysisThresholds.defaults(),
                window,
                "bob");
    }

    /** Runs wake-ups until the watch has ended; fails when it would not. */
    WatchState runToEnd(Watcher watcher, WatchId id) {
        for (int i = 0; i < 1_000_000; i++) {
            WatchState state = watcher.view(id).orElseThrow();
            if (state.ended()) {
                return state;
            }
            scheduler.runUntil(scheduler.next().orElseThrow(() -> new AssertionError("nothing scheduled: " + state)));
        }
        throw new AssertionError("watch " + id + " did not end");
    }

    /**
     * A fresh engine after a crash: a new scheduler (the old one's wake-ups died with the process),
     * a new owner, the clock past the old owner's lease; the orchestrator reconciles too.
     */
    Watcher restart(String owner) {
        scheduler = new SimulatedScheduler(clock);
        clock.advance(settings.leaseTtl());
        settings = settings.withOwner(owner);
        engine = engine();
        engine.reconcile();
        rollback = WatchRollback.through(engine);
        return watcher();
    }
}
