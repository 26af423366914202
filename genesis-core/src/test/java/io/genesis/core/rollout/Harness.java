package io.genesis.core.rollout;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Identity;
import io.genesis.core.approval.RecordingApprover;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.ScriptedMetricSource;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.rollout.store.InMemoryRolloutLock;
import io.genesis.core.rollout.store.InMemoryRolloutStateStore;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.time.ManualClock;
import io.genesis.core.time.SimulatedScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One simulated world for engine tests: a manual clock and scheduler, stores (on disk or in
 * memory), recording targets per application and environment, a scripted metric source and a
 * recording approver. Engines built from it can crash and be replaced by fresh ones, as a
 * restarted process would be.
 */
final class Harness {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final Environment STAGING = Environments.defaults().named("staging");
    static final Environment PRODUCTION = Environments.defaults()
            .named("production")
            .withApproval(new ApprovalPolicy(
                    true,
                    Set.of("alice"),
                    Set.of("release-managers"),
                    Duration.ofMinutes(5),
                    Duration.ofHours(24),
                    true));

    final ManualClock clock = new ManualClock(T0);
    SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    final RolloutStateStore states;
    final RolloutLock locks;
    final HistoryStore history;
    final Map<DeploymentKey, RecordingTarget> world = new HashMap<>();
    final ScriptedMetricSource metrics = new ScriptedMetricSource();
    final RecordingApprover approver = new RecordingApprover();
    final List<RolloutEvent> events = new CopyOnWriteArrayList<>();

    /** A milestone as the engine told it, with the state it came with. */
    record Told(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {}

    final List<Told> milestones = new CopyOnWriteArrayList<>();
    Function<DeploymentKey, RecordingTarget> newTarget = key -> RecordingTarget.capable(key.toString(), clock, "1.0.0");
    CrashInjector crash = CrashInjector.never();
    private final Set<String> answered = new java.util.HashSet<>();
    EngineSettings settings = EngineSettings.defaults("engine-1");
    private final java.util.function.Supplier<RolloutId> ids = RolloutId.sequence("r");

    private Harness(RolloutStateStore states, RolloutLock locks, HistoryStore history) {
        this.states = states;
        this.locks = locks;
        this.history = history;
    }

    /** A world kept in memory: fastest, for long simulated windows. */
    static Harness inMemory() {
        return new Harness(new InMemoryRolloutStateStore(), new InMemoryRolloutLock(), new InMemoryHistoryStore());
    }

    /** A world on disk under {@code directory}, as a restarted process would find it. */
    static Harness onDisk(Path directory, boolean force) {
        return new Harness(
                new FileRolloutStateStore(directory.resolve("rollouts"), force),
                new FileRolloutLock(directory.resolve("locks"), force),
                new JsonLinesHistoryStore(directory.resolve("history.jsonl"), force));
    }

    /** An engine on this world, its ports passed through the crash injector. */
    /** Which other engines the next engine built knows to have ended (their process gone). */
    java.util.function.Predicate<String> ownerEnded = owner -> false;
    /** What starts the lifecycle hooks of the next engine built. */
    io.genesis.core.hook.HookRunner hooks = io.genesis.core.hook.HookRunners.none();

    Orchestrator engine() {
        return engine(key -> io.genesis.core.freeze.FreezeCalendar.NONE);
    }

    /** An engine on this world whose environments have the freeze windows {@code freezes} gives. */
    Orchestrator engine(Function<DeploymentKey, io.genesis.core.freeze.FreezeCalendar> freezes) {
        return Orchestrator.builder()
                .settings(settings)
                .clock(clock)
                .scheduler(scheduler)
                .states(CrashingPorts.states(states, crash))
                .locks(CrashingPorts.locks(locks, crash))
                .history(CrashingPorts.history(history, crash))
                .targets((key, spec) -> CrashingPorts.target(target(key), crash))
                .metricSources(spec -> CrashingPorts.metrics(metrics, crash))
                .approver(CrashingPorts.approver(approver, crash))
                .listener(new RolloutListener() {
                    @Override
                    public void onEvent(RolloutEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
                        milestones.add(new Told(milestone, state, event));
                    }
                })
                .ids(ids)
                .ownerEnded(ownerEnded)
                .hooks(hooks)
                .freezes(freezes)
                .build();
    }

    /**
     * A fresh engine after a crash: a new scheduler (the old one's wake-ups died with the
     * process), a new owner name, and the clock past the old owner's lease.
     */
    Orchestrator restart(String owner) {
        return restart(owner, key -> io.genesis.core.freeze.FreezeCalendar.NONE);
    }

    /** {@link #restart(String)} into an engine whose environments have the freeze windows {@code freezes} gives. */
    Orchestrator restart(String owner, Function<DeploymentKey, io.genesis.core.freeze.FreezeCalendar> freezes) {
        crash.disarm();
        answered.clear();
        scheduler = new SimulatedScheduler(clock);
        clock.advance(settings.leaseTtl());
        settings = settings.withOwner(owner);
        return engine(freezes);
    }

    RecordingTarget target(DeploymentKey key) {
        synchronized (world) {
            return world.computeIfAbsent(key, newTarget);
        }
    }

    RecordingTarget target(String application, Environment environment) {
        return target(new DeploymentKey(application, environment.name()));
    }

    RolloutRequest.Builder request(String application, Environment environment) {
        return RolloutRequest.builder(application, environment)
                .commit(COMMIT)
                .ref(environment == PRODUCTION ? SourceRef.tag("v1.2.3") : SourceRef.branch("main"))
                .target(TargetSpec.of("recording"))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob");
    }

    /**
     * Runs wake-ups until every rollout has settled, approving as {@code alice} whatever waits
     * for approval once its wait timer allows. Fails when nothing is scheduled but work remains.
     */
    void drive(Orchestrator engine) {
        drive(engine, true);
    }

    void drive(Orchestrator engine, boolean approve) {
        for (int i = 0; i < 200_000; i++) {
            if (approve) {
                approvePending(engine);
            }
            Optional<Instant> next = scheduler.next();
            if (next.isEmpty()) {
                if (!states.list().stream().allMatch(RolloutState::settled)) {
                    throw new AssertionError("stuck: nothing scheduled, but not settled: " + engine.list());
                }
                return;
            }
            scheduler.runUntil(next.get());
        }
        throw new AssertionError("did not settle within 200 000 wake-ups: " + engine.list());
    }

    /** Approves, as alice and once the wait timer allows, every request not yet answered by this engine. */
    void approvePending(Orchestrator engine) {
        for (ApprovalRequest request : approver.requests()) {
            if (answered.add(request.requestId())) {
                clock.advanceTo(request.notBefore());
                try {
                    engine.decide(
                            RolloutId.of(request.rolloutId()),
                            ApprovalDecision.approve(Identity.user("alice"), "looks good"));
                } catch (IllegalStateException alreadyAnswered) {
                    // The answer was stored before a crash; the rollout moved on.
                }
            }
        }
    }

    /** Runs wake-ups until {@code until} (approving nothing). */
    void runUntil(Instant until) {
        scheduler.runUntil(until);
    }

    Optional<DeploymentRecord> record(RolloutId id) {
        return history.find(id.value());
    }

    List<DeploymentRecord> records() {
        return new ArrayList<>(history.all(HistoryQuery.newest(1)));
    }

    List<String> messages() {
        return events.stream().map(RolloutEvent::message).toList();
    }
}
