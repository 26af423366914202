package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HookRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.hook.Hook;
import io.genesis.core.hook.HookPhase;
import io.genesis.core.hook.HookReport;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HookStepTest {

    private static final DeploymentKey SHOP = new DeploymentKey("shop", "staging");

    private final Harness world = Harness.inMemory();
    private final ScriptedHooks hooks = new ScriptedHooks();
    private final Orchestrator engine;
    private final RecordingTarget target = world.target(SHOP);

    HookStepTest() {
        world.hooks = hooks;
        engine = world.engine();
    }

    @Test
    void shouldRunAPreTrafficHookAfterTheCandidateIsDeployedAndBeforeAnyTraffic() {
        RolloutId id = submit(Hook.command(HookPhase.PRE_TRAFFIC, "pytest -m smoke --base-url {url}"));
        runUntilHookStarted();

        assertThat(operations()).contains("deployCandidate").doesNotContain("promote");
        assertThat(hooks.last().context.phase()).isEqualTo(HookPhase.PRE_TRAFFIC);
        assertThat(hooks.last().context.version()).isEqualTo("dev-a1b2c3d");

        hooks.last().finish(new HookReport(true, 0, "exit code 0", "3 passed"));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.hooks()).singleElement().satisfies(hook -> {
            assertThat(hook.phase()).isEqualTo("preTraffic");
            assertThat(hook.outcome()).isEqualTo("passed");
            assertThat(hook.exitCode()).isZero();
            assertThat(hook.output()).isEqualTo("3 passed");
            assertThat(hook.hook()).isEqualTo("command 'pytest -m smoke --base-url {url}'");
        });
        assertThat(record.phases()).extracting(p -> p.kind()).containsSubsequence("deployCandidate", "hook", "promote");
    }

    @Test
    void shouldRollBackBeforeAnyTrafficWhenThePreTrafficHookFails() {
        RolloutId id = submit(Hook.command(HookPhase.PRE_TRAFFIC, "pytest -m smoke"));
        runUntilHookStarted();

        hooks.last().finish(new HookReport(false, 1, "exit code 1", "1 failed, 2 passed"));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason())
                .startsWith("step 3 (hook) failed: preTraffic hook failed after ")
                .endsWith(": exit code 1");
        assertThat(operations()).doesNotContain("promote", "setWeight");
        assertThat(target.stable()).isEqualTo("1.0.0");
        assertThat(record.hooks().get(0).exitCode()).isEqualTo(1);
        assertThat(record.hooks().get(0).output()).isEqualTo("1 failed, 2 passed");
    }

    @Test
    void shouldStopAndRollBackAHookThatOutlivesItsTimeout() {
        RolloutId id = submit(Hook.command(HookPhase.PRE_TRAFFIC, "pytest").withTimeout(Duration.ofMinutes(3)));
        runUntilHookStarted();
        Instant started = world.clock.instant();

        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(hooks.last().stopped).isTrue();
        HookRecord hook = record.hooks().get(0);
        assertThat(hook.outcome()).isEqualTo("timed out");
        assertThat(hook.detail()).isEqualTo("did not end within 3 min, so it was stopped");
        assertThat(Duration.between(started, hook.endedAt())).isEqualTo(Duration.ofMinutes(3));
        assertThat(operations()).doesNotContain("promote");
    }

    @Test
    void shouldAbortWithoutTouchingAnythingWhenTheBackupBeforeDeployFails() {
        RolloutId id = submit(Hook.command(HookPhase.BEFORE_DEPLOY, "./backup.sh"));
        runUntilHookStarted();
        assertThat(operations()).doesNotContain("deployCandidate");

        hooks.last().finish(new HookReport(false, 2, "exit code 2", "pg_dump: connection refused"));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(operations()).doesNotContain("deployCandidate");
    }

    @Test
    void shouldOnlyRecordAFailedHookAfterPromotion() {
        RolloutId id = submit(Hook.webhook(HookPhase.AFTER_PROMOTION, "http://127.0.0.1:9/released"));
        runUntilHookStarted();
        assertThat(operations()).contains("promote");

        hooks.last().finish(new HookReport(false, 500, "answered HTTP 500", ""));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.hooks().get(0).outcome()).isEqualTo("failed");
        assertThat(record.phases())
                .filteredOn(p -> p.kind().equals("hook"))
                .singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("recorded only"));
    }

    @Test
    void shouldRunTheRollbackHookOnceTrafficIsRestored() {
        world.hooks = hooks;
        RolloutId id = submit(
                Hook.command(HookPhase.PRE_TRAFFIC, "smoke"), Hook.command(HookPhase.ON_ROLLBACK, "./page-team.sh"));
        runUntilHookStarted();
        hooks.last().finish(new HookReport(false, 1, "exit code 1", ""));
        runUntil(() -> hooks.started.size() == 2);

        assertThat(hooks.last().hook.phase()).isEqualTo(HookPhase.ON_ROLLBACK);
        assertThat(operations()).contains("rollback");
        hooks.last().finish(new HookReport(true, 0, "exit code 0", "paged"));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.hooks())
                .extracting(HookRecord::phase, HookRecord::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("preTraffic", "failed"),
                        org.assertj.core.groups.Tuple.tuple("onRollback", "passed"));
    }

    @Test
    void shouldFailAHookWhoseRunWasLostWithTheEngine() {
        RolloutId id = submit(Hook.command(HookPhase.PRE_TRAFFIC, "smoke"));
        runUntilHookStarted();

        world.hooks = new ScriptedHooks();
        Orchestrator restarted = world.restart("engine-2");
        restarted.reconcile();
        world.drive(restarted);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.hooks().get(0).detail()).contains("lost when the engine restarted");
    }

    @Test
    void shouldFailAHookThatCannotStartWithTheReason() {
        hooks.refuse(new IllegalStateException("the preTraffic hook uses {url}, but the target gives no address"));
        RolloutId id = submit(Hook.command(HookPhase.PRE_TRAFFIC, "curl {url}"));

        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("could not start: the preTraffic hook uses {url}");
    }

    private RolloutId submit(Hook... given) {
        RolloutRequest.Builder request = world.request("shop", Harness.STAGING);
        for (Hook hook : given) {
            request.hook(hook);
        }
        return engine.submit(request.build());
    }

    private void runUntilHookStarted() {
        runUntil(() -> !hooks.started.isEmpty());
    }

    /** What was asked of the target, without arguments: {@code promote}, {@code rollback}. */
    private java.util.List<String> operations() {
        return target.operations().stream().map(op -> op.split(" ")[0]).toList();
    }

    private void runUntil(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 10_000 && !condition.getAsBoolean(); i++) {
            world.runUntil(world.scheduler.next().orElseThrow(() -> new AssertionError("nothing scheduled")));
        }
        assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
    }
}
