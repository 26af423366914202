package io.jenkins.plugins.genesis.monitor;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import io.genesis.core.watch.WatchListener;
import io.genesis.core.watch.WatchState;
import io.jenkins.plugins.genesis.deploy.HostDeploys;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The controller's engines as the plugin builds them, on a simulated clock: a {@link RolloutHost}
 * over a real directory of file stores with a recording target and a scripted metric source, and
 * the {@link MonitorHost} on it, wired as {@code MonitorEngine} wires them (a watch after each
 * successful rollout). A restart builds both again over the same directory with a fresh scheduler,
 * as a restarted controller does. Every window passes in milliseconds.
 */
final class MonitorWorld {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String DEPLOYING_BUILD = "shop/main#7";
    static final String MONITOR_BUILD = "shop/main#8";

    /** Past the automatic-rollback bound of the error rate (5 %). */
    static final Map<Metric, Double> BROKEN = Map.of(
            Metric.ERROR_RATE, 6.0,
            Metric.LATENCY_P95, 120.0,
            Metric.AVAILABILITY, 99.99);

    /**
     * Production watched 3 hours, without approvals or a promotion path to pass first. Shorter than the
     * default 48 hours only to keep the durable file writes of each sample few; core's tests run 48.
     */
    static final Environment PRODUCTION = new Environment(
                    "production",
                    GateThresholds.of(98, 85),
                    ApprovalPolicy.none(),
                    new RefPolicy(List.of("main"), List.of()))
            .withPromotion(PromotionPath.NONE)
            .withWatchWindow(Duration.ofHours(3));

    /** Staging, watched not at all, as by default. */
    static final Environment STAGING = new Environment(
            "staging", GateThresholds.of(95, 85), ApprovalPolicy.none(), new RefPolicy(List.of("main"), List.of()));

    final ManualClock clock = new ManualClock(T0);
    final Path directory;
    final RecordingTarget target = RecordingTarget.capable("shop", clock, "1.0.0");
    final ScriptedMetricSource metrics = new ScriptedMetricSource();
    /** What each build's page was shown, build by build. */
    final List<String> shown = new CopyOnWriteArrayList<>();

    final List<WatchState> shownStates = new CopyOnWriteArrayList<>();
    /** Rollout records that ended with no step waiting: what the deploying build's page is updated with. */
    final List<DeploymentRecord> unwatched = new CopyOnWriteArrayList<>();

    final List<String> log = new CopyOnWriteArrayList<>();

    /** What the controller wraps the watches' listener in: its notifications, or nothing. */
    private final Function<MonitorWorld, UnaryOperator<WatchListener>> notifications;

    /** What production is configured as now; a test may take its watch window away. */
    Environment production = PRODUCTION;

    SimulatedScheduler scheduler;
    RolloutHost rollouts;
    MonitorHost monitor;

    MonitorWorld(Path directory) {
        this(directory, world -> UnaryOperator.identity());
    }

    /**
     * With the watches' milestones also told to the listener {@code notifications} makes on this world's
     * clock and scheduler (again at each restart), as the controller tells its outbox.
     */
    MonitorWorld(Path directory, Function<MonitorWorld, UnaryOperator<WatchListener>> notifications) {
        this.directory = directory;
        this.notifications = notifications;
        open();
    }

    /** The engines a (re)started controller builds over {@link #directory}. */
    private void open() {
        scheduler = new SimulatedScheduler(clock);
        rollouts = RolloutHost.builder()
                .directory(directory)
                .clock(clock)
                .scheduler(scheduler, null)
                .targets((key, spec) -> target)
                .metricSources(spec -> metrics)
                .approver(request -> log.add("asked " + request.rolloutId()))
                .whenEndedUnwatched(unwatched::add)
                .settings(EngineSettings.defaults("ignored"))
                .build();
        monitor = new MonitorHost(rollouts, notifications.apply(this), (build, state) -> {
            shown.add(build + " " + state.stage() + " "
                    + (state.ended() ? state.outcome().verdict() : ""));
            shownStates.add(state);
        });
        rollouts.alsoWhenEnded(record -> monitor.afterRollout(record, this::environment, EnvironmentSources.NONE)
                .ifPresent(log::add));
    }

    private Optional<Environment> environment(String name) {
        return Optional.of(name.equals("production") ? production : STAGING);
    }

    /** A controller restart: new engines, a new scheduler (the old wake-ups died), both reconciled. */
    void restart() {
        rollouts.close();
        open();
        rollouts.reconcile(build -> true);
        monitor.reconcile();
    }

    /** Deploys {@code version} of shop to {@code environment} from the deploying build, to its end. */
    DeploymentRecord deploy(Environment environment, String version) {
        List<DeploymentRecord> ended = new CopyOnWriteArrayList<>();
        HostDeploys.deploy(
                rollouts,
                DEPLOYING_BUILD + "#node:" + version,
                RolloutRequest.builder("shop", environment)
                        .commit(COMMIT)
                        .ref(SourceRef.branch("main"))
                        .version(new Version(version))
                        .target(TargetSpec.of("recording"))
                        .metrics(MetricSpec.of("scripted"))
                        .initiator("bob")
                        .fromBuild(DEPLOYING_BUILD)
                        .build(),
                ended,
                log);
        runUntil(() -> !ended.isEmpty(), "the rollout of " + version + " ended");
        return ended.get(0);
    }

    /** Runs the scheduler's wake-ups, on the simulated clock, until {@code condition} holds. */
    void runUntil(BooleanSupplier condition, String what) {
        for (int i = 0; i < 1_000_000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Instant next = scheduler.next().orElseThrow(() -> new AssertionError("nothing scheduled before " + what));
            scheduler.runUntil(next);
        }
        throw new AssertionError("never: " + what);
    }

    /** Runs what is due now, such as the page updates that follow a watch's start. */
    void runDue() {
        scheduler.runUntil(clock.instant());
    }

    /** The step's call as a Pipeline would make it. */
    static GenesisMonitorStep step() {
        return new GenesisMonitorStep("shop", "production");
    }
}
