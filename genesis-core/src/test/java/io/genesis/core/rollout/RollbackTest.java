package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.AnalysisRecord;
import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.Metric;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Health;
import io.genesis.core.target.RecordingTarget;
import io.genesis.core.target.TargetException;
import io.genesis.core.target.TargetGoneException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();
    private final RecordingTarget target = world.target(SHOP);

    @Test
    void shouldRollBackWhenDeployingTheCandidateFails() {
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .isEqualTo(
                        "step 1 (deployCandidate) failed: deploying the candidate failed: image reg/shop:abc not found");
        assertThat(record.phases().get(0).outcome()).isEqualTo("failed");
        assertThat(record.phases().get(1).kind()).isEqualTo("rollback");
        assertOldVersionServes();
    }

    @Test
    void shouldRollBackWhenTheCandidateNeverBecomesHealthy() {
        Health[] starting = new Health[200];
        java.util.Arrays.fill(starting, Health.progressing("0 of 2 replicas ready"));
        target.health(starting);

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .isEqualTo("step 1 (deployCandidate) failed: candidate not healthy within 10 min"
                        + " (progressing: 0 of 2 replicas ready)");
        assertThat(Duration.between(
                        record.phases().get(0).startedAt(),
                        record.phases().get(0).endedAt()))
                .isEqualTo(Duration.ofMinutes(10));
        assertOldVersionServes();
    }

    @Test
    void shouldTakeTheHealthDeadlineFromTheEnvironmentNotTheEngine() {
        Health[] starting = new Health[200];
        java.util.Arrays.fill(starting, Health.progressing("0 of 2 replicas ready"));
        target.health(starting);

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING.withHealthDeadline(Duration.ofMinutes(3)))
                .build());
        world.drive(engine);
        DeploymentRecord record = world.record(id).orElseThrow();

        assertThat(record.reason()).startsWith("step 1 (deployCandidate) failed: candidate not healthy within 3 min");
        assertThat(Duration.between(
                        record.phases().get(0).startedAt(),
                        record.phases().get(0).endedAt()))
                .isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldTakeADeploysShorterHealthDeadline() {
        Health[] starting = new Health[200];
        java.util.Arrays.fill(starting, Health.progressing("0 of 2 replicas ready"));
        target.health(starting);

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING)
                .healthDeadline(java.util.Optional.of(Duration.ofSeconds(90)), "--health-timeout")
                .build());
        world.drive(engine);
        DeploymentRecord record = world.record(id).orElseThrow();

        assertThat(record.reason())
                .startsWith("step 1 (deployCandidate) failed: candidate not healthy within 1 min 30 s");
    }

    @Test
    void shouldKeepPollingThroughAFailedHealthCheck() {
        target.failNext("health", new TargetException("connection reset"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(target.operations()).filteredOn("health"::equals).hasSize(2);
    }

    @Test
    void shouldRollBackAtOnceWhenTheCandidateIsUnhealthy() {
        target.health(Health.unhealthy("CrashLoopBackOff"));

        DeploymentRecord record = run();

        assertThat(record.reason())
                .isEqualTo("step 1 (deployCandidate) failed: candidate is unhealthy: CrashLoopBackOff");
        assertOldVersionServes();
    }

    @Test
    void shouldRollBackWhenTheSmokeCheckFails() {
        target.smoke(Health.unhealthy("GET /health answered 503"));

        DeploymentRecord record = run();

        assertThat(record.reason())
                .isEqualTo("step 2 (smokeCheck) failed: smoke check is unhealthy: GET /health answered 503");
        assertOldVersionServes();
    }

    @Test
    void shouldRollBackWhenTheSmokeCheckCannotRun() {
        target.failNext("smokeCheck", new TargetException("timed out after 30 s"));

        assertThat(run().reason())
                .isEqualTo("step 2 (smokeCheck) failed: smoke check could not run: timed out after 30 s");
        assertOldVersionServes();
    }

    @Test
    void shouldRollBackWhenTheRouterFails() {
        target.failNext("setWeight", new TargetException("ingress update rejected"));

        DeploymentRecord record = run();

        assertThat(record.reason())
                .isEqualTo("step 3 (setWeight) failed: setting the weight failed: ingress update rejected");
        assertOldVersionServes();
    }

    @Test
    void shouldWaitForTheRouterToApplyAWeight() {
        target.verifyLag(3);

        assertThat(run().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(target.operations())
                .filteredOn(op -> op.equals("verifyWeight 10.0"))
                .hasSize(4);
    }

    @Test
    void shouldRollBackWhenTheRouterNeverAppliesAWeight() {
        target.verifyLag(1_000);

        DeploymentRecord record = run();

        // A router that never confirms a weight never confirms 0 % either: traffic is not known to be back.
        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .startsWith("step 3 (setWeight) failed: router did not apply 10.00 % within 10 min; traffic was not"
                        + " seen back on the previous version within 10 min (awaiting: the router to apply 0 % to the"
                        + " candidate)");
        assertThat(world.locks.current(SHOP)).isEmpty();
    }

    @Test
    void shouldRollBackOnACriticalErrorRateAndMeasureTheTimeToRestore() {
        target.latency(Duration.ofMillis(300));
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 1.5, Metric.LATENCY_P95, 180.0, Metric.AVAILABILITY, 99.95));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .isEqualTo("1 consecutive critical sample(s) (rollback after 1): error rate 1.50 % > 1.00 % critical");
        AnalysisRecord analysis = record.analyses().get(0);
        assertThat(analysis.outcome()).isEqualTo("rolled back");
        assertThat(analysis.worst()).containsEntry("ERROR_RATE", 1.5).containsEntry("LATENCY_P95", 180.0);
        assertThat(analysis.critical()).isEqualTo(1);
        // The router's switch back and its confirmation (one call of 300 ms each) restore traffic; retiring the
        // candidate comes after.
        assertThat(record.restoreTime()).contains(Duration.ofMillis(600));
        assertThat(record.rollbackTriggeredAt()).isNotNull();
        assertThat(target.operations()).containsSubsequence("setWeight 0.0", "rollback dev-a1b2c3d");
        assertOldVersionServes();
    }

    @Test
    void shouldRollBackAtOnceAboveTheRollbackThresholdWhateverTheConsecutiveCount() {
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 6.2, Metric.LATENCY_P95, 100.0, Metric.AVAILABILITY, 99.99));

        DeploymentRecord record = run(AnalysisThresholds.defaults().withConsecutiveCriticalForRollback(3));

        assertThat(record.reason()).isEqualTo("automatic rollback: error rate 6.20 % > 5.00 % automatic rollback");
        assertThat(record.analyses().get(0).samples()).isEqualTo(1);
    }

    @Test
    void shouldRollBackWhenAvailabilityFallsBelowTheRollbackThreshold() {
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 0.0, Metric.LATENCY_P95, 100.0, Metric.AVAILABILITY, 94.0));

        assertThat(run().reason()).isEqualTo("automatic rollback: availability 94.00 % < 95.00 % automatic rollback");
    }

    @Test
    void shouldWaitForTheConfiguredRunOfCriticalSamples() {
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 0.0, Metric.LATENCY_P95, 650.0, Metric.AVAILABILITY, 99.99));

        DeploymentRecord record = run(AnalysisThresholds.defaults().withConsecutiveCriticalForRollback(3));

        assertThat(record.reason())
                .isEqualTo("3 consecutive critical sample(s) (rollback after 3): p95 latency 650 ms > 500 ms critical");
        assertThat(record.analyses().get(0).samples()).isEqualTo(3);
        assertThat(record.analyses().get(0).notable()).hasSize(3);
    }

    @Test
    void shouldPassWithWarningsCounted() {
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 0.5, Metric.LATENCY_P95, 250.0, Metric.AVAILABILITY, 99.95));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.analyses()).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo("passed");
            assertThat(a.warnings()).isEqualTo(a.samples());
            assertThat(a.reason()).contains("worst: error rate 0.50 %, p95 latency 250 ms, availability 99.95 %");
        });
    }

    @Test
    void shouldRollBackWhenAPersonAsks() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(3)));

        RolloutView view = engine.rollback(id, "checkout looks wrong", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.reason()).isEqualTo("rolled back by carol: checkout looks wrong");
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("analysis"))
                .last()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo("interrupted"));
        assertThat(record.restoreTime()).contains(Duration.ZERO);
        assertOldVersionServes();
        assertThatThrownBy(() -> engine.rollback(id, "again", "carol"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rollout r-0001 ended ROLLED_BACK; there is nothing to roll back");
    }

    @Test
    void shouldFailAtOnceWithoutRetriesOrAdviceWhenNothingOfTheTargetRemains() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(3)));
        target.failNext("rollback", new TargetGoneException("sandbox 3f2a is gone: its process has ended"));

        RolloutView view = engine.rollback(id, "checkout looks wrong", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.FAILED);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.reason())
                .isEqualTo("rollback requested by carol: checkout looks wrong; nothing to roll back:"
                        + " sandbox 3f2a is gone: its process has ended");
        assertThat(target.operations())
                .filteredOn(o -> o.startsWith("rollback"))
                .hasSize(1);
        assertThat(world.messages()).noneSatisfy(m -> assertThat(m).contains("rollback attempt"));
    }

    @Test
    void shouldRollBackAfterSuccessWhileThePreviousVersionIsKept() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofHours(2)));
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(CurrentDeployments.of(world.history).at(SHOP).orElseThrow().version())
                .isEqualTo("dev-a1b2c3d");

        RolloutView view = engine.rollback(id, "memory leak after an hour", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("scaleDownPrevious"))
                .singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo("cancelled"));
        assertThat(world.records()).hasSize(1);
        assertThat(CurrentDeployments.of(world.history).at(SHOP)).isEmpty();
        assertThat(target.stable()).isEqualTo("1.0.0");
        world.runUntil(Harness.T0.plus(Duration.ofHours(30)));
        assertThat(target.operations()).doesNotContain("scaleDownPrevious");
    }

    @Test
    void shouldCountOnlyTheSwitchBackAsTimeToRestoreAfterPromote() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofHours(2)));
        target.latency(Duration.ofMillis(250));

        engine.rollback(id, "memory leak after an hour", "carol");

        DeploymentRecord record = world.record(id).orElseThrow();
        // One target call (250 ms) switches back; retiring the candidate (another 250 ms) is not counted.
        assertThat(record.restoreTime()).contains(Duration.ofMillis(250));
        assertThat(target.operations()).endsWith("rollback dev-a1b2c3d", "retireCandidate dev-a1b2c3d");
    }

    @Test
    void shouldRetryRetiringTheCandidateAndKeepTheRestoreTime() {
        for (int i = 0; i < 3; i++) {
            target.failNext("retireCandidate", new TargetException("API server unavailable"));
        }
        target.failNext("smokeCheck", new TargetException("no route to host"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .contains("rollback failed 3 times (last: API server unavailable)")
                .contains("but cleaning up after it failed");
        assertThat(record.restoreTime()).isPresent();
        assertThat(target.operations())
                .filteredOn(op -> op.startsWith("rollback"))
                .hasSize(3);
    }

    @Test
    void shouldBringThePreviousVersionBackOnceItIsNoLongerKept() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);
        assertThat(target.previous()).as("scaled down after the keep window").isEmpty();

        RolloutView view = engine.rollback(id, "slow memory leak", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(target.stable()).isEqualTo("1.0.0");
        assertThat(world.messages())
                .anySatisfy(m -> assertThat(m).contains("the previous version is no longer kept, so "));
        assertThat(CurrentDeployments.of(world.history).at(SHOP)).isEmpty();
    }

    @Test
    void shouldRefuseToRollBackARolloutThatANewerOneReplaced() {
        RolloutId first = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);
        RolloutId second = engine.submit(
                world.request("shop", Harness.STAGING).commit("b2c3d4e").build());
        world.drive(engine);

        assertThatThrownBy(() -> engine.rollback(first, "too late", "carol"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer runs in shop in staging: rollout " + second.value())
                .hasMessageEndingWith("replaced it; roll that one back instead");
    }

    @Test
    void shouldRefuseToRollBackTwice() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);
        engine.rollback(id, "first", "carol");

        assertThatThrownBy(() -> engine.rollback(id, "again", "carol"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ROLLED_BACK; there is nothing to roll back");
    }

    @Test
    void shouldTryARollbackAgainBeforeGivingUp() {
        target.failNext("rollback", new TargetException("API server unavailable"));
        target.failNext("deployCandidate", new TargetException("quota exceeded"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(target.operations())
                .filteredOn(op -> op.startsWith("rollback"))
                .hasSize(2);
        assertThat(world.messages())
                .anySatisfy(m -> assertThat(m).startsWith("rollback attempt 1 failed: API server unavailable"));
    }

    @Test
    void shouldEndFailedWhenTheRollbackKeepsFailing() {
        for (int i = 0; i < 3; i++) {
            target.failNext("rollback", new TargetException("API server unavailable"));
        }
        world.metrics.script(
                window -> Map.of(Metric.ERROR_RATE, 2.0, Metric.LATENCY_P95, 100.0, Metric.AVAILABILITY, 99.99));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .contains("rollback failed 3 times (last: API server unavailable)")
                .contains("traffic was restored at");
        assertThat(target.candidateTraffic()).isZero();
    }

    @Test
    void shouldSayTrafficMayStillReachTheCandidateWhenNothingRestoredIt() {
        for (int i = 0; i < 3; i++) {
            target.failNext("rollback", new TargetException("API server unavailable"));
        }
        target.failNext("smokeCheck", new TargetException("no route to host"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason()).contains("traffic may still reach the candidate: restore shop in staging by hand");
        assertThat(record.restoreTime()).isEmpty();
    }

    @Test
    void shouldSucceedEvenWhenScalingThePreviousVersionDownFails() {
        target.failNext("scaleDownPrevious", new TargetException("forbidden"));
        RolloutId id = engine.submit(
                world.request("shop", Harness.STAGING).strategy("canary").build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases().get(record.phases().size() - 1).detail())
                .isEqualTo("scaling the previous version down failed (forbidden); scale it down by hand");
    }

    @Test
    void shouldRetryADelayedScaleDownAndReportWhenItKeepsFailing() {
        for (int i = 0; i < 3; i++) {
            target.failNext("scaleDownPrevious", new TargetException("forbidden"));
        }
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases().get(record.phases().size() - 1).outcome()).isEqualTo("failed");
        assertThat(record.phases().get(record.phases().size() - 1).detail())
                .startsWith("scaling the previous version down failed 3 times (last: forbidden)");
    }

    @Test
    void shouldCancelAQueuedRolloutWithoutTouchingAnything() {
        RolloutId first = engine.submit(world.request("shop", Harness.STAGING).build());
        RolloutId second = engine.submit(world.request("shop", Harness.STAGING).build());
        assertThat(engine.view(second).orElseThrow().status()).isEqualTo(RolloutStatus.QUEUED);

        RolloutView view = engine.rollback(second, "not needed", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(world.record(second).orElseThrow().reason()).isEqualTo("cancelled by carol: not needed");
        world.drive(engine);
        assertThat(world.record(first).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
    }

    @Test
    void shouldRecoverFromAStoreFailureByTryingAgain() {
        Harness flaky = Harness.inMemory();
        int[] failures = {1};
        RolloutStateStore failing = new RolloutStateStore() {
            @Override
            public void save(RolloutState state) {
                if (state.stage() == Stage.RUNNING && state.step() == 1 && failures[0]-- > 0) {
                    throw new UncheckedIOException(new java.io.IOException("disk full"));
                }
                flaky.states.save(state);
            }

            @Override
            public java.util.Optional<RolloutState> load(RolloutId id) {
                return flaky.states.load(id);
            }

            @Override
            public java.util.List<RolloutState> list() {
                return flaky.states.list();
            }
        };
        Orchestrator withFlakyStore = Orchestrator.builder()
                .settings(flaky.settings)
                .clock(flaky.clock)
                .scheduler(flaky.scheduler)
                .states(failing)
                .locks(flaky.locks)
                .history(flaky.history)
                .targets((key, spec) -> flaky.target(key))
                .metricSources(spec -> flaky.metrics)
                .build();

        assertThatThrownBy(() -> withFlakyStore.submit(
                        flaky.request("shop", Harness.STAGING).build()))
                .isInstanceOf(UncheckedIOException.class);
        flaky.drive(withFlakyStore);

        assertThat(flaky.records())
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RecordStatus.SUCCEEDED));
    }

    @Test
    void shouldTreatAMetricSourceTimeoutAsInconclusive() {
        world.metrics.script(window -> {
            throw new UncheckedIOException(new SocketTimeoutException("prometheus did not answer within 10 s"));
        });

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(5)));

        RolloutView view = engine.view(id).orElseThrow();
        assertThat(view.status()).isEqualTo(RolloutStatus.HALTED);
        assertThat(view.reason())
                .isEqualTo("inconclusive sample: scripted metrics failed:"
                        + " java.net.SocketTimeoutException: prometheus did not answer within 10 s");
        assertThat(target.candidateTraffic()).as("halted where it was").isEqualTo(10);
    }

    @Test
    void shouldWaitForThePreviousVersionWithoutCountingFailedAttempts() {
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));
        Health starting = Health.progressing("previous slot blue: 1 of 4 replicas available");
        target.prepareRollback(starting, starting, starting, starting, starting);

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.timeToRestore()).as("five polls 5 s apart").isEqualTo(Duration.ofSeconds(25));
        assertThat(target.operations())
                .filteredOn(o -> o.startsWith("rollback"))
                .hasSize(1);
        assertOldVersionServes();
    }

    @Test
    void shouldFailTheRollbackWhenThePreviousVersionIsNotReadyWithinTheProgressDeadline() {
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));
        Health[] starting = new Health[200];
        java.util.Arrays.fill(starting, Health.progressing("previous slot blue: 0 of 4 replicas available"));
        target.prepareRollback(starting);

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason())
                .contains("traffic was not seen back on the previous version within 10 min")
                .contains("0 of 4 replicas available")
                .contains("by hand");
        assertThat(target.operations()).noneMatch(o -> o.startsWith("rollback"));
    }

    @Test
    void shouldCountAnUnhealthyPreviousVersionAsAFailedAttempt() {
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));
        Health refused = Health.unhealthy("shop-blue cannot create pods (ReplicaFailure FailedCreate)");
        target.prepareRollback(refused, refused, refused);

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.FAILED);
        assertThat(record.reason()).contains("rollback failed 3 times").contains("ReplicaFailure");
    }

    @Test
    void shouldKeepTheCandidateRunningForTheAbandonedScaleDownDelayAfterTrafficLeftIt() {
        target.abandonedScaleDownDelay(Duration.ofSeconds(30));
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());

        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.restoreTime()).contains(Duration.ZERO);
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("rollback"))
                .singleElement()
                .satisfies(p ->
                        assertThat(Duration.between(p.startedAt(), p.endedAt())).isEqualTo(Duration.ofSeconds(30)));
        assertThat(world.events).anySatisfy(e -> assertThat(e.message()).contains("candidate kept running until"));
        assertThat(target.operations())
                .filteredOn(o -> o.startsWith("retireCandidate"))
                .hasSize(1);
    }

    @Test
    void shouldMeasureTheRestoreWhenTheTargetSeesTrafficBack() {
        target.failNext("deployCandidate", new TargetException("image reg/shop:abc not found"));
        target.trafficRestored(Health.progressing("EndpointSlices of shop still list 2 candidate pods"));

        DeploymentRecord record = run();

        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.restoreTime()).as("one poll later").contains(Duration.ofSeconds(5));
    }

    private DeploymentRecord run() {
        return run(AnalysisThresholds.defaults());
    }

    private DeploymentRecord run(AnalysisThresholds thresholds) {
        RolloutId id = engine.submit(
                world.request("shop", Harness.STAGING).analysis(thresholds).build());
        world.drive(engine);
        return world.record(id).orElseThrow();
    }

    private void assertOldVersionServes() {
        assertThat(target.stable()).isEqualTo("1.0.0");
        assertThat(target.atRest()).isTrue();
        assertThat(world.locks.current(SHOP)).isEmpty();
    }
}
