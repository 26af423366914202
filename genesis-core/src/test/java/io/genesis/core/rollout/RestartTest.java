package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restart does in each kind of phase, one named case each (docs/rollout.md links here).
 * The first engine is simply abandoned, as a killed process would be; a second one on the same
 * files reconciles.
 */
class RestartTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");
    private static final DeploymentKey SHOP_PRODUCTION = new DeploymentKey("shop", "production");

    @TempDir
    Path directory;

    private Harness world;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        world = Harness.onDisk(directory, true);
    }

    @Test
    void shouldResumeAQueuedRollout() {
        Orchestrator first = world.engine();
        first.submit(world.request("shop", Harness.STAGING).build());
        RolloutId queued = first.submit(world.request("shop", Harness.STAGING).build());

        Orchestrator second = world.restart("engine-2");
        ReconcileReport report = second.reconcile();
        world.drive(second);

        assertThat(report.resumed()).contains(queued);
        assertThat(world.records())
                .extracting(DeploymentRecord::status)
                .containsOnly(RecordStatus.SUCCEEDED)
                .hasSize(2);
    }

    @Test
    void shouldResumeARolloutWaitingForApprovalAndAskAgain() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.PRODUCTION).build());

        Orchestrator second = world.restart("engine-2");
        second.reconcile();
        world.drive(second);

        assertThat(world.approver.calls()).as("asked again after the restart").isEqualTo(2);
        assertThat(world.approver.requests()).hasSize(1);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes()).anySatisfy(n -> assertThat(n).startsWith("adopted by engine-2"));
    }

    @Test
    void shouldResumeAPauseUntilItsOriginalEnd() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(io.genesis.core.rollout.plan.StepParser.parse(
                        "deploy; weight 50; pause 1h; weight 100; promote"))
                .build());

        Orchestrator second = world.restart("engine-2");
        second.reconcile();
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.phases().get(2).endedAt()).isEqualTo(Harness.T0.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldResumeAnAnalysisWindowKeepingItsSamples() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofSeconds(70)));
        assertThat(world.metrics.windows()).hasSize(2);

        Orchestrator second = world.restart("engine-2");
        second.reconcile();
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        List<MetricWindow> windows = world.metrics.windows();
        for (int i = 1; i < windows.size(); i++) {
            MetricWindow previous = windows.get(i - 1);
            MetricWindow window = windows.get(i);
            if (!window.from().equals(previous.to())) {
                // Only a new analysis step may start a window elsewhere.
                assertThat(window.from()).isAfter(previous.to());
            }
        }
        assertThat(record.analyses().get(0).samples())
                .as("two samples before the crash, one covering the gap after it")
                .isEqualTo(3);
        assertThat(record.analyses().get(0).to()).isEqualTo(Harness.T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void shouldKeepTheRestoreTimeWhenTheEngineDiesWhileRetiringTheCandidate() {
        // The engine died after traffic was back, before the candidate was retired.
        RolloutId id = crashWhileRollingBack("retireCandidate");
        RolloutState stored = world.states.load(id).orElseThrow();
        assertThat(stored.stage()).isEqualTo(Stage.ROLLING_BACK);
        assertThat(stored.rollback().restoredAt())
                .as("restore stored before clean-up")
                .isNotNull();

        Orchestrator second = world.restart("engine-2");
        second.reconcile();
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.restoreTime().orElseThrow())
                .as("the downtime after traffic was back is not restore time")
                .isEqualTo(Duration.between(
                        stored.rollback().triggeredAt(), stored.rollback().restoredAt()));
        assertThat(world.target(SHOP).operations())
                .filteredOn(op -> op.startsWith("retireCandidate"))
                .hasSize(1);
        assertThat(world.target(SHOP).atRest()).isTrue();
    }

    @Test
    void shouldKeepThePersonsWordsWhenTheyAskForARollbackAlreadyUnderWay() {
        // The engine died as it began its automatic rollback.
        RolloutId id = crashWhileRollingBack("rollback");

        Orchestrator second = world.restart("engine-2");
        second.rollback(id, "INC-7: checkout errors", "carol");
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .as("the engine's reason stays the reason")
                .startsWith("automatic rollback: error rate 7.00 %");
        assertThat(record.notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("rollback asked by carol at ")
                        .endsWith(": INC-7: checkout errors (a rollback was already under way)"));
        assertThat(world.target(SHOP).stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldCarryOnARollbackInterruptedByACrashAndCountTheDowntime() {
        // Without a router the switch back is the target's rollback itself, so the crash delays it.
        // The engine died as it began to roll back.
        RolloutId id = crashWhileRollingBack("rollback");
        assertThat(world.states.load(id).orElseThrow().stage()).isEqualTo(Stage.ROLLING_BACK);

        Orchestrator second = world.restart("engine-2");
        ReconcileReport report = second.reconcile();
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(report.rolledBack()).containsExactly(id);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).isEqualTo("automatic rollback: error rate 7.00 % > 5.00 % automatic rollback");
        assertThat(record.restoreTime().orElseThrow())
                .as("counts the five minutes the engine was down")
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(world.target(SHOP).stable()).isEqualTo("1.0.0");
        assertThat(world.target(SHOP).atRest()).isTrue();
    }

    @Test
    void shouldRollBackAnInterruptedRolloutWhenTheRecoveryPolicySaysSo() {
        world.settings = world.settings.withRecovery(RecoveryPolicy.ROLL_BACK);
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());

        Orchestrator second = world.restart("engine-2");
        ReconcileReport report = second.reconcile();
        world.drive(second);

        assertThat(report.rolledBack()).containsExactly(id);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .isEqualTo("engine stopped during step 4 (analysis); the recovery policy rolls back");
    }

    @Test
    void shouldLeaveTheRolloutsOfALiveOwnerAlone() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());
        long revision = first.view(id).orElseThrow().revision();
        world.settings = world.settings.withOwner("engine-2");
        Orchestrator other = world.engine();

        ReconcileReport report = other.reconcile();
        RolloutView view = other.tick(id);

        assertThat(report.leftToOwner()).containsExactly(id);
        assertThat(view.revision()).isEqualTo(revision);
    }

    @Test
    void shouldTakeOverAtOnceTheRolloutsOfAnOwnerWhoseProcessHasEnded() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());
        String dead = first.settings().owner();
        Orchestrator other = engineThatKnowsEnded(dead);

        ReconcileReport report = other.reconcile();
        world.drive(other);

        assertThat(report.leftToOwner()).isEmpty();
        assertThat(report.resumed()).containsExactly(id);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.notes())
                .anySatisfy(n -> assertThat(n).contains("after owner " + dead + " stopped (its process has ended)"));
    }

    @Test
    void shouldStartTheNextRolloutAfterAnOrphanWhoseProcessHasEndedWithoutWaitingForItsLease() {
        Orchestrator first = world.engine();
        RolloutId orphan = first.submit(world.request("shop", Harness.STAGING).build());
        Orchestrator second = engineThatKnowsEnded(first.settings().owner());

        RolloutId next = second.submit(world.request("shop", Harness.STAGING).build());
        world.drive(second);

        DeploymentRecord a = world.record(orphan).orElseThrow();
        DeploymentRecord b = world.record(next).orElseThrow();
        assertThat(a.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(b.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(b.phases().get(0).startedAt()).isAfterOrEqualTo(a.endedAt());
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("stopped (its process has ended)"));
        assertThat(world.target(SHOP).conflicts()).isZero();
    }

    /** A second engine, with no restart of the clock, that knows {@code dead}'s process has ended. */
    private Orchestrator engineThatKnowsEnded(String dead) {
        world.settings = world.settings.withOwner("engine-2");
        world.ownerEnded = dead::equals;
        return world.engine();
    }

    @Test
    void shouldFinishAnOrphanBeforeStartingTheNextRolloutForItsKey() {
        Orchestrator first = world.engine();
        RolloutId orphan = first.submit(world.request("shop", Harness.STAGING).build());

        Orchestrator second = world.restart("engine-2");
        RolloutId next = second.submit(world.request("shop", Harness.STAGING).build());
        world.drive(second);

        DeploymentRecord a = world.record(orphan).orElseThrow();
        DeploymentRecord b = world.record(next).orElseThrow();
        assertThat(a.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(b.phases().get(0).startedAt()).isAfterOrEqualTo(a.endedAt());
        assertThat(world.target(SHOP).conflicts()).isZero();
    }

    @Test
    void shouldKeepItsClaimsAliveWithHeartbeats() {
        Orchestrator engine = world.engine();
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());

        world.runUntil(Harness.T0.plus(Duration.ofHours(3)));

        RolloutState state = world.states.load(id).orElseThrow();
        assertThat(state.leaseExpiresAt()).isAfter(world.clock.instant());
        assertThat(world.locks.current(SHOP_PRODUCTION).orElseThrow().expiresAt())
                .isAfter(world.clock.instant());
    }

    @Test
    void shouldStopDrivingARolloutWhoseLockAnotherClaimTook() {
        Orchestrator engine = world.engine();
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(3)));
        world.locks.release(SHOP, id.value());
        world.locks.acquire(SHOP, "r-9999", "engine-2", world.clock.instant(), Duration.ofHours(2));

        world.runUntil(Harness.T0.plus(Duration.ofMinutes(10)));
        List<String> afterTheHeartbeat = List.copyOf(world.target(SHOP).operations());
        world.runUntil(Harness.T0.plus(Duration.ofHours(1)));

        assertThat(world.messages())
                .contains(
                        "lost the lock on shop in staging (now held by r-9999); this engine (engine-1) stopped driving"
                                + " rollout " + id + ": it is another engine's now, or needs a look by hand");
        assertThat(world.target(SHOP).operations()).isEqualTo(afterTheHeartbeat);
        assertThat(world.record(id)).isEmpty();
    }

    @Test
    void shouldScaleThePreviousVersionDownOnScheduleAfterARestart() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofHours(1)));
        RecordingTarget target = world.target(SHOP);
        assertThat(target.previous()).contains("1.0.0");

        Orchestrator second = world.restart("engine-2");
        ReconcileReport report = second.reconcile();
        world.runUntil(Harness.T0.plus(Duration.ofHours(24)));
        assertThat(target.previous()).contains("1.0.0");
        world.drive(second);

        assertThat(report.cleanups()).containsExactly(id);
        assertThat(target.previous()).isEmpty();
        assertThat(world.clock.instant())
                .isEqualTo(Harness.T0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(9)));
    }

    @Test
    void shouldFailARolloutWhoseLockWasTakenWhileItsEngineWasDown() {
        Orchestrator first = world.engine();
        RolloutId id = first.submit(world.request("shop", Harness.STAGING).build());
        world.clock.advance(Duration.ofMinutes(10));
        assertThat(world.locks.acquire(SHOP, "intruder", "someone", world.clock.instant(), Duration.ofHours(1)))
                .isPresent();

        Orchestrator second = world.restart("engine-2");
        second.reconcile();
        world.drive(second);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .isEqualTo(
                        "lost the lock on shop in staging to rollout intruder while its engine was down; check the environment by hand");
    }

    /**
     * Submits a rollout whose error rate calls for an automatic rollback, and lets the engine die just
     * before its first call of {@code operation} on the target.
     */
    private RolloutId crashWhileRollingBack(String operation) {
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 7.0, Metric.LATENCY_P95, 100.0, Metric.AVAILABILITY, 99.0));
        world.newTarget = key -> RecordingTarget.plain(key.toString(), world.clock, "1.0.0");
        world.crash = CrashInjector.onFirst(operation, CrashInjector.When.BEFORE);
        RolloutId id =
                world.engine().submit(world.request("shop", Harness.STAGING).build());
        assertThatThrownBy(() -> world.runUntil(Harness.T0.plus(Duration.ofMinutes(10))))
                .isInstanceOf(SimulatedCrash.class);
        return id;
    }
}
