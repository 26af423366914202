package io.genesis.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.ApprovalRequest;
import io.genesis.core.approval.Identity;
import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.rollout.plan.StepParser;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.RecordingTarget;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalFlowTest {

    private final Harness world = Harness.inMemory();
    private final Orchestrator engine = world.engine();
    private final RecordingTarget target = world.target(new DeploymentKey("shop", "production"));

    @Test
    void shouldAskBeforeTouchingProductionAndGoOnOnceApproved() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());

        RolloutView waiting = engine.view(id).orElseThrow();
        ApprovalRequest request = world.approver.latest().orElseThrow();
        assertThat(waiting.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        assertThat(waiting.approval()).contains(request);
        assertThat(request.question()).isEqualTo("Deploy 1.2.3 of shop to production with blueGreen?");
        assertThat(request.notBefore()).isEqualTo(Harness.T0.plus(Duration.ofMinutes(5)));
        assertThat(request.deadline()).isEqualTo(Harness.T0.plus(Duration.ofHours(24)));
        assertThat(target.operations()).isEmpty();

        world.clock.advance(Duration.ofMinutes(6));
        engine.decide(id, ApprovalDecision.approve(new Identity("dave", Set.of("release-managers"), false), "ship it"));
        world.drive(engine);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(record.approvals())
                .containsExactly(new ApprovalRecord("dave", Harness.T0.plus(Duration.ofMinutes(6)), true, "ship it"));
        assertThat(record.phases().get(0).kind()).isEqualTo("approval");
        assertThat(record.phases().get(0).detail()).isEqualTo("approved by dave: ship it");
        assertThat(record.notes()).anySatisfy(n -> assertThat(n).startsWith("production requires approval"));
    }

    @Test
    void shouldRefuseAnApprovalBeforeTheWaitTimer() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());
        world.clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.approve(Identity.user("alice"), "")))
                .isInstanceOf(ApprovalRefusedException.class)
                .hasMessage("approval opens at 2026-11-27T10:05:00Z (5 min wait timer for production); it is now"
                        + " 2026-11-27T10:03:00Z, so ask again in 2 min");
        assertThat(engine.view(id).orElseThrow().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
    }

    @Test
    void shouldRefuseSomeoneWhoIsNotAnApprover() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());
        world.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.approve(Identity.user("mallory"), "")))
                .isInstanceOf(ApprovalRefusedException.class)
                .hasMessage("mallory may not answer this request; who may: users alice; groups release-managers");
    }

    @Test
    void shouldRefuseSelfApproval() {
        RolloutId id = engine.submit(
                world.request("shop", Harness.PRODUCTION).initiator("alice").build());
        world.clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.approve(Identity.user("alice"), "")))
                .isInstanceOf(ApprovalRefusedException.class)
                .hasMessage(
                        "alice started this rollout and may not approve it: self-approval is prevented for production");
    }

    @Test
    void shouldAbortWithoutTouchingAnythingWhenRejected() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());

        RolloutView view = engine.decide(id, ApprovalDecision.reject(Identity.user("alice"), "not during the sale"));

        assertThat(view.status()).isEqualTo(RolloutStatus.ABORTED);
        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.reason()).isEqualTo("approval rejected by alice: not during the sale");
        assertThat(record.approvals()).extracting(ApprovalRecord::approved).containsExactly(false);
        assertThat(target.operations()).isEmpty();
        assertThat(world.locks.current(new DeploymentKey("shop", "production"))).isEmpty();
    }

    @Test
    void shouldCallARollbackOfARolloutThatTouchedNothingACancellation() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());

        RolloutView view = engine.rollback(id, "not during the sale", "carol");

        assertThat(view.status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(world.record(id).orElseThrow().reason()).isEqualTo("cancelled by carol: not during the sale");
        assertThat(target.operations()).isEmpty();
    }

    @Test
    void shouldAbortWhenNobodyAnswersInTime() {
        RolloutId id = engine.submit(world.request("shop", Harness.PRODUCTION).build());
        world.drive(engine, false);

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(record.reason()).isEqualTo("approval timed out: nobody answered within 24 h");
        assertThat(record.endedAt()).isEqualTo(Harness.T0.plus(Duration.ofHours(24)));
        assertThat(world.approver.withdrawn())
                .singleElement()
                .asString()
                .startsWith("r-0001-approval-1: approval timed out");
        assertThat(target.operations()).isEmpty();
    }

    @Test
    void shouldRollBackWhenAnApprovalInTheMiddleIsRejected() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING)
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; weight 20; approval; weight 100; promote"))
                .build());
        RecordingTarget staging = world.target(new DeploymentKey("shop", "staging"));
        assertThat(staging.candidateTraffic()).isEqualTo(20);
        ApprovalRequest request = world.approver.latest().orElseThrow();
        assertThat(request.administratorsOnly()).as("staging names nobody").isTrue();

        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.reject(Identity.user("alice"), "")))
                .isInstanceOf(ApprovalRefusedException.class)
                .hasMessageContaining("administrators only");
        engine.decide(id, ApprovalDecision.reject(Identity.administrator("root"), "error budget spent"));

        DeploymentRecord record = world.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.reason()).isEqualTo("approval rejected by root: error budget spent");
        assertThat(staging.atRest()).isTrue();
        assertThat(staging.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldLetOnlyAdministratorsApproveWhenTheEnvironmentNamesNobody() {
        Environment production = Environments.defaults().named("production");
        RolloutId id = engine.submit(world.request("shop", production).build());
        ApprovalRequest request = world.approver.latest().orElseThrow();
        world.clock.advance(Duration.ofMinutes(5));

        assertThat(request.describeApprovers())
                .isEqualTo("administrators only (no approvers are named for production)");
        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.approve(Identity.user("alice"), "")))
                .isInstanceOf(ApprovalRefusedException.class);
        engine.decide(id, ApprovalDecision.approve(Identity.administrator("root"), ""));
        assertThat(engine.view(id).orElseThrow().status()).isEqualTo(RolloutStatus.ANALYSING);
    }

    @Test
    void shouldRefuseADecisionWhenNothingWaitsForOne() {
        RolloutId id = engine.submit(world.request("shop", Harness.STAGING).build());

        assertThatThrownBy(() -> engine.decide(id, ApprovalDecision.approve(Identity.administrator("root"), "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rollout r-0001 is not waiting for approval; it is ANALYSING");
    }

    @Test
    void shouldAbortWhenTheApproverCannotBeAsked() {
        Harness broken = Harness.inMemory();
        Orchestrator withBrokenApprover = Orchestrator.builder()
                .settings(broken.settings)
                .clock(broken.clock)
                .scheduler(broken.scheduler)
                .states(broken.states)
                .locks(broken.locks)
                .history(broken.history)
                .targets((key, spec) -> broken.target(key))
                .metricSources(spec -> broken.metrics)
                .build();

        RolloutId id = withBrokenApprover.submit(
                broken.request("shop", Harness.PRODUCTION).build());

        DeploymentRecord record = broken.record(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RecordStatus.ABORTED);
        assertThat(record.reason()).startsWith("could not ask for approval: no approver is configured");
    }

    @Test
    void shouldRequireApprovalAsConfiguredEvenForACustomPlan() {
        Environment strict = Harness.STAGING.withApproval(
                new ApprovalPolicy(true, Set.of("alice"), Set.of(), Duration.ZERO, Duration.ofHours(1), false));

        RolloutId id = engine.submit(world.request("shop", strict)
                .strategy("custom")
                .customSteps(StepParser.parse("deploy; promote"))
                .build());

        assertThat(engine.view(id).orElseThrow().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
        engine.decide(id, ApprovalDecision.approve(Identity.user("alice"), ""));
        assertThat(world.record(id).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
    }
}
