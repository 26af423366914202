package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.PhaseRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.plan.InvalidPlanException;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();

    @Test
    void shouldRollOutBlueGreenThroughEveryDefaultStep() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        RecordingTarget target = world.target("shop", Harness.STAGING);
        DeploymentRecord record = world.record(id).orElseThrow();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        softly.assertThat(record.phases())
                .extracting(PhaseRecord::kind)
                .containsExactly(
                        "deployCandidate",
                        "smokeCheck",
                        "setWeight",
                        "analysis",
                        "setWeight",
                        "analysis",
                        "setWeight",
                        "analysis",
                        "promote",
                        "scaleDownPrevious");
        softly.assertThat(record.phases())
                .allSatisfy(p -> assertThat(p.endedAt()).isNotNull());
        softly.assertThat(record.analyses()).extracting(a -> a.samples()).containsExactly(4, 4, 10);
        softly.assertThat(record.version()).isEqualTo("dev-a1b2c3d");
        softly.assertThat(record.strategy()).isEqualTo("blueGreen");
        softly.assertThat(record.target()).isEqualTo("recording target shop in staging");
        softly.assertThat(target.stable()).isEqualTo("dev-a1b2c3d");
        softly.assertThat(target.previous()).isEmpty();
        softly.assertThat(target.atRest()).isTrue();
        softly.assertThat(target.operations())
                .filteredOn(op -> op.startsWith("setWeight"))
                .containsExactly("setWeight 10.0", "setWeight 50.0", "setWeight 100.0");
        softly.assertAll();
    }

    @Test
    void shouldKeepThePreviousVersionForADayAfterBlueGreenSucceeds() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(30)));

        RecordingTarget target = world.target("shop", Harness.STAGING);
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(target.previous()).contains("1.0.0");
        assertThat(world.locks.current(new io.genesis.core.target.DeploymentKey("shop", "staging")))
                .isEmpty();

        world.runUntil(Harness.T0.plus(Duration.ofHours(24)));
        assertThat(target.previous()).as("kept until 24 h after success").contains("1.0.0");

        world.runUntil(Harness.T0.plus(Duration.ofHours(25)));
        assertThat(target.previous()).isEmpty();
        PhaseRecord scaleDown = world.record(id).orElseThrow().phases().get(9);
        assertThat(scaleDown.outcome()).isEqualTo("completed");
        assertThat(scaleDown.endedAt())
                .isEqualTo(Harness.T0.plus(Duration.ofMinutes(9)).plus(Duration.ofHours(24)));
    }

    @Test
    void shouldSwitchAtOnceAndSaySoWithoutATrafficRouter() {
        world.newTarget = key -> RecordingTarget.plain(key.toString(), world.clock, "1.0.0");

        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.phases())
                .extracting(PhaseRecord::kind)
                .containsExactly("deployCandidate", "smokeCheck", "promote", "analysis", "scaleDownPrevious");
        assertThat(record.notes())
                .anySatisfy(note -> assertThat(note)
                        .contains("has no traffic router")
                        .contains("one atomic switch")
                        .contains("10.00 % → 50.00 % → 100.00 %"));
        assertThat(String.join("\n", world.messages()))
                .contains("note: recording target shop in staging has no traffic router");
    }

    @Test
    void shouldRollInBatchesOfAQuarterWaitingForEachToBeHealthy() {
        world.target("shop", Harness.STAGING)
                .health(io.genesis.core.target.Health.progressing("1 of 2 new replicas ready"));

        RolloutId id = engine.submit(
                world.request("shop", Harness.STAGING).strategy("rolling").build());
        world.drive(engine);

        RecordingTarget target = world.target("shop", Harness.STAGING);
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(target.operations())
                .filteredOn(op -> op.startsWith("rollTo"))
                .containsExactly("rollTo 25.0", "rollTo 50.0", "rollTo 75.0", "rollTo 100.0");
        assertThat(target.operations()).filteredOn("health"::equals).hasSize(5);
        assertThat(target.stable()).isEqualTo("dev-a1b2c3d");
    }

    @Test
    void shouldSayInThePlanWhatTheTargetsBatchesCannotPromise() {
        world.target("shop", Harness.STAGING).rollingLimits("batches are not gated here");

        RolloutId rolling = engine.submit(
                world.request("shop", Harness.STAGING).strategy("rolling").build());
        world.drive(engine);
        RolloutId blueGreen =
                engine.submit(world.request("shop", Harness.STAGING).build());
        world.drive(engine);

        assertThat(world.record(rolling).orElseThrow().notes()).contains("batches are not gated here");
        assertThat(world.record(blueGreen).orElseThrow().notes()).doesNotContain("batches are not gated here");
    }

    @Test
    void shouldGiveACanaryFivePercentForTenMinutesBeforeWideningIt() {
        RolloutId id = engine.submit(
                world.request("shop", Harness.STAGING).strategy("canary").build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.analyses()).hasSize(1);
        assertThat(Duration.between(
                        record.analyses().get(0).from(),
                        record.analyses().get(0).to()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(world.target("shop", Harness.STAGING).operations())
                .filteredOn(op -> op.startsWith("setWeight"))
                .containsExactly("setWeight 5.0", "setWeight 25.0", "setWeight 50.0", "setWeight 100.0");
    }

    @Test
    void shouldRunCustomStepsWithAPause() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; weight 30; pause 15m; weight 100; promote"))
                .build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        PhaseRecord pause = record.phases().get(2);
        assertThat(pause.kind()).isEqualTo("pause");
        assertThat(Duration.between(pause.startedAt(), pause.endedAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldRefuseAnInvalidPlanBeforeTouchingAnything() {
        RolloutRequest request = world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; weight 50; weight 20; promote"))
                .build();

        assertThatThrownBy(() -> engine.submit(request))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("step 3 (setWeight): weight 20.00 % must rise above the previous weight 50.00 %");
        assertThat(world.target("shop", Harness.STAGING).operations()).isEmpty();
        assertThat(world.states.list()).isEmpty();
    }

    @Test
    void shouldRefuseACanaryOnATargetWithoutRouter() {
        world.newTarget = key -> RecordingTarget.plain(key.toString(), world.clock, "1.0.0");

        assertThatThrownBy(() -> engine.submit(world.request("shop", Harness.STAGING)
                        .strategy("canary")
                        .build()))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("step 3 (setWeight): recording target shop in staging has no traffic router");
    }

    @Test
    void shouldRefuseARefTheEnvironmentDoesNotAllow() {
        RolloutRequest pullRequest = world.request("shop", Harness.STAGING)
                .ref(SourceRef.pullRequest("42"))
                .build();
        RolloutRequest feature = world.request("shop", Harness.PRODUCTION)
                .ref(SourceRef.branch("feature/x"))
                .build();

        assertThatThrownBy(() -> engine.submit(pullRequest))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessageContaining("pull-request builds never deploy");
        assertThatThrownBy(() -> engine.submit(feature))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessageContaining("branch feature/x may not deploy here; allowed branches: main, release/*");
    }

    @Test
    void shouldRefuseAnAnalysingPlanWithoutMetricSource() {
        RolloutRequest request =
                world.request("shop", Harness.STAGING).metrics(null).build();

        assertThatThrownBy(() -> engine.submit(request))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessageContaining("no metric source was given");
    }

    @Test
    void shouldDeriveTheVersionFromAReleaseTag() {
        io.genesis.core.policy.Environment stagingWithTags =
                Harness.STAGING.withRefs(new io.genesis.core.policy.RefPolicy(List.of("main"), List.of("v*")));
        RolloutId id = engine.submit(world.request("shop", stagingWithTags)
                .ref(SourceRef.tag("v1.4.0"))
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; promote"))
                .build());
        world.drive(engine);

        assertThat(world.record(id).orElseThrow().version()).isEqualTo("1.4.0");
        assertThat(world.record(id).orElseThrow().ref()).isEqualTo("tag v1.4.0");
    }

    @Test
    void shouldShowWhereARolloutIsWhileItRuns() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());
        world.runUntil(Harness.T0.plus(Duration.ofMinutes(1)));

        RolloutView view = engine.view(id).orElseThrow();
        assertThat(view.status()).isEqualTo(RolloutStatus.ANALYSING);
        assertThat(view.step()).isEqualTo(4);
        assertThat(view.steps()).isEqualTo(10);
        assertThat(view.stepDescription()).isEqualTo("analyse 2 min");
        assertThat(view.weight().value()).isEqualTo(10);
        assertThat(view.status().ended()).isFalse();
        assertThat(engine.list()).containsExactly(view);
    }

    @Test
    void shouldKeepGoingWhenTheListenerThrows() {
        Harness noisy = Harness.inMemory();
        Orchestrator quiet = Orchestrator.builder()
                .settings(noisy.settings)
                .clock(noisy.clock)
                .scheduler(noisy.scheduler)
                .states(noisy.states)
                .locks(noisy.locks)
                .history(noisy.history)
                .targets((key, spec) -> noisy.target(key))
                .metricSources(spec -> noisy.metrics)
                .listener(event -> {
                    throw new IllegalStateException("console closed");
                })
                .build();

        RolloutId id = quiet.submit(noisy.request("shop", Harness.STAGING).build());
        noisy.drive(quiet);

        assertThat(noisy.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(id.value()).startsWith("r-");
    }

    @Test
    void shouldRefuseToTickAnUnknownRollout() {
        assertThatThrownBy(() -> engine.tick(RolloutId.of("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rollout nope");
    }

    @Test
    void shouldRecordNotesGivenWithTheRequest() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; promote"))
                .note("gate bypassed with force: hotfix for incident 7")
                .fromBuild("shop-ci #42")
                .build());
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.notes()).contains("gate bypassed with force: hotfix for incident 7");
        assertThat(record.build()).isEqualTo("shop-ci #42");
        assertThat(record.initiator()).isEqualTo("bob");
        assertThat(List.of(record.startedAt(), record.endedAt())).isSorted();
    }
}
