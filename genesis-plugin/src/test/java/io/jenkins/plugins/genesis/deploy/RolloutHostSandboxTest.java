package io.jenkins.plugins.genesis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.approval.ApprovalDecision;
import io.genesis.core.approval.ApprovalRefusedException;
import io.genesis.core.approval.Approver;
import io.genesis.core.approval.Identity;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryPage;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.policy.ApprovalPolicy;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.GateThresholds;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.policy.RefPolicy;
import io.genesis.core.rollout.EngineSettings;
import io.genesis.core.rollout.RolloutEvent;
import io.genesis.core.rollout.RolloutListener;
import io.genesis.core.rollout.RolloutMilestone;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.RolloutStatus;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.time.ExecutorScheduler;
import io.genesis.sandbox.Sandbox;
import io.genesis.sandbox.SandboxConfig;
import io.genesis.sandbox.sample.InProcessSlotLauncher;
import io.genesis.sandbox.target.SandboxTarget;
import io.genesis.sandbox.target.SandboxTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine side of {@code genesisDeploy} and {@code genesisRollback}, end to end: the executions'
 * own calls ({@link RolloutCalls}) on the controller's host ({@link RolloutHost}) over its file stores,
 * against a real sandbox (versions behind a weighted proxy on 127.0.0.1). A {@link RecordingSink}
 * stands in for the step's context; a "restart" closes one host and opens another over the same
 * directory, as a controller restart does. Waits are for the engine's own thread, never for a window:
 * plans here have no analysis window that must pass.
 */
class RolloutHostSandboxTest {

    private static final DeploymentKey SHOP = DeploymentKey.of("shop", "production");
    private static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String BUILD = "shop/main#7";
    private static final String KEY = BUILD + "#node:12";

    @TempDir
    Path state;

    private Sandbox sandbox;
    private SandboxTarget target;
    private SandboxTargets sandboxes;
    private final List<RolloutHost> hosts = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<DeploymentRecord> unwatched = new CopyOnWriteArrayList<>();
    private final List<RolloutMilestone> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withLauncher(InProcessSlotLauncher.healthy())
                .withDrainTimeout(Duration.ofSeconds(2)));
        target = SandboxTarget.start(SHOP, sandbox, "1.0.0");
        sandboxes = new SandboxTargets();
        sandboxes.register(target);
    }

    @AfterEach
    void stopEverything() {
        hosts.forEach(RolloutHost::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A controller's engine over {@link #state}: what a (re)started Jenkins builds. */
    private RolloutHost host() {
        Approver approver = request -> asked.add(request.rolloutId());
        ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC(), e -> {});
        RolloutHost host = RolloutHost.builder()
                .directory(state)
                .scheduler(scheduler, scheduler)
                .targets(sandboxes)
                .metricSources(sandboxes)
                .approver(approver)
                .whenEndedUnwatched(unwatched::add)
                .milestones(new RolloutListener() {
                    @Override
                    public void onEvent(RolloutEvent event) {}

                    @Override
                    public void onMilestone(RolloutMilestone milestone, RolloutState state, RolloutEvent event) {
                        told.add(milestone);
                    }
                })
                .settings(EngineSettings.defaults("ignored")
                        .withPollInterval(Duration.ofMillis(20))
                        .withProgressDeadline(Duration.ofSeconds(20))
                        .withRollbackAttempts(3, Duration.ofMillis(200)))
                .build();
        hosts.add(host);
        return host;
    }

    private static Environment production() {
        return new Environment(
                        "production",
                        GateThresholds.of(98, 85),
                        new ApprovalPolicy(true, Set.of("alice"), Set.of(), Duration.ZERO, Duration.ofHours(1), true),
                        new RefPolicy(List.of("main"), List.of()))
                // The promotion path is DeployTranslationTest's; these tests deploy straight to production.
                .withPromotion(PromotionPath.NONE);
    }

    private static GenesisDeployStep step(String strategy) {
        GenesisDeployStep step = new GenesisDeployStep("shop", "production");
        step.setStrategy(strategy);
        step.setVersion("2.0.0");
        step.setCommit(COMMIT);
        return step;
    }

    private static RolloutRequest request(GenesisDeployStep step, Environment environment, String build) {
        return DeployTranslation.request(
                step,
                environment,
                SandboxTargets.targetSpec(),
                new BuildFacts(build, "bob", "bob", Map.of("BRANCH_NAME", "main")),
                DeployFixtures.NO_HISTORY);
    }

    private static Environment withoutApproval() {
        return production().withApproval(ApprovalPolicy.none());
    }

    @Test
    void shouldDeployAfterApprovalGivenAfterARestart() {
        // given: a blue-green rollout waiting for approval
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("50, 100");
        RolloutHost before = host();
        RecordingSink first = new RecordingSink();
        String id = RolloutCalls.deploy(before, KEY, request(blueGreen, production(), BUILD), first);
        RecordingSink.await(() -> first.said("waiting for approval"), LIMIT, "the approval prompt");

        // when: the controller restarts, the step resumes without knowing its id, and alice approves
        before.close();
        RolloutHost after = host();
        after.reconcile(build -> true);
        RecordingSink resumed = new RecordingSink();
        RolloutCalls.resumeDeploy(after, KEY, null, resumed);
        assertThat(after.view(id))
                .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL));
        assertThatThrownBy(() -> after.decide(id, ApprovalDecision.approve(Identity.user("bob"), "mine")))
                .isInstanceOf(ApprovalRefusedException.class);
        after.decide(id, ApprovalDecision.approve(Identity.user("alice"), "looks good"));
        RecordingSink.await(resumed::ended, LIMIT, "the rollout's end");

        // then
        assertThat(first.ended())
                .as("the first host's watcher was closed with it")
                .isFalse();
        assertThat(resumed.endings).containsExactly("succeeded");
        assertThat(resumed.value)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("version", "2.0.0")
                .containsEntry("rolloutId", id)
                .doesNotContainKey("timeToRestore");
        DeploymentRecord record = resumed.records.get(0);
        assertThat(record.approvals())
                .singleElement()
                .satisfies(a -> assertThat(a.by()).isEqualTo("alice"));
        assertThat(record.build()).isEqualTo(BUILD);
        assertThat(record.initiator()).isEqualTo("bob");
        assertThat(target.stable().version()).isEqualTo("2.0.0");
        assertThat(asked).as("asked again after the restart").containsExactly(id, id);
    }

    @Test
    void shouldTellEachMilestoneOfARolloutToTheNotificationsListener() {
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        RolloutCalls.deploy(host, KEY, request(blueGreen, withoutApproval(), BUILD), sink);
        RecordingSink.await(sink::ended, LIMIT, "the rollout's end");
        // The milestone is told right after the event that ended the step, on the engine's thread.
        RecordingSink.await(() -> told.contains(RolloutMilestone.ENDED), LIMIT, "the end's milestone");

        assertThat(told).containsExactly(RolloutMilestone.STARTED, RolloutMilestone.ENDED);
    }

    @Test
    void shouldAttachASecondStartOfTheSameStepInsteadOfDeployingTwice() {
        // given
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost host = host();
        RecordingSink first = new RecordingSink();
        String id = RolloutCalls.deploy(host, KEY, request(blueGreen, withoutApproval(), BUILD), first);
        RecordingSink.await(first::ended, LIMIT, "the first rollout's end");

        // when
        RecordingSink second = new RecordingSink();
        String again = RolloutCalls.deploy(host, KEY, request(blueGreen, withoutApproval(), BUILD), second);
        RecordingSink.await(second::ended, LIMIT, "the second start's end");

        // then
        assertThat(again).isEqualTo(id);
        assertThat(second.value).containsEntry("rolloutId", id).containsEntry("status", "SUCCEEDED");
        assertThat(second.console).anyMatch(line -> line.contains("attached to rollout " + id));
        assertThat(host.latest(SHOP, null)).contains(id);
    }

    @Test
    void shouldRollBackACanaryWhenTheBuildIsAbortedDuringItsAnalysis() {
        // given: a canary at 20 % whose analysis window lasts an hour
        GenesisDeployStep canary = step("canary");
        canary.setShifts("20:1h, 100");
        RolloutRequest request = RolloutRequest.builder("shop", withoutApproval())
                .commit(COMMIT)
                .ref(io.genesis.core.policy.SourceRef.branch("main"))
                .version(new io.genesis.core.target.Version("2.0.0"))
                .strategy("canary")
                .strategySettings(DeployTranslation.tuning(canary)
                        .check(io.genesis.core.rollout.RolloutTuning.SCRIPT)
                        .settings())
                .target(SandboxTargets.targetSpec())
                .metrics(SandboxTargets.metricSpec(SHOP))
                .initiator("bob")
                .fromBuild(BUILD)
                .build();
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        String id = RolloutCalls.deploy(host, KEY, request, sink);
        RecordingSink.await(
                () -> host.view(id)
                        .map(v -> v.status() == RolloutStatus.ANALYSING)
                        .orElse(false),
                LIMIT,
                "the canary's analysis");
        assertThat(RolloutCalls.status(host, id)).contains(id, "ANALYSING", "20.00 %");

        // when: the build is aborted
        RolloutCalls.stopDeploy(host, id, "the build was aborted: by alice", "alice", sink);
        RecordingSink.await(sink::ended, LIMIT, "the rollback's end");

        // then: traffic is back on 1.0.0 and the step fails with the engine's reason
        assertThat(sink.endings).containsExactly("failed");
        assertThat(sink.failure).contains("ROLLED_BACK", "the build was aborted: by alice");
        DeploymentRecord record = sink.records.get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.restoreTime()).isPresent();
        assertThat(target.stable().version()).isEqualTo("1.0.0");
        assertThat(sink.console).anyMatch(line -> line.startsWith(StepWatchers.PREFIX + "rolling back rollout " + id));
    }

    @Test
    void shouldRollBackOnlyWhatThisBuildDeployed() {
        // given: build 7 deployed 2.0.0, keeping 1.0.0 for an instant rollback
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost host = host();
        RecordingSink deployed = new RecordingSink();
        String id = RolloutCalls.deploy(host, KEY, request(blueGreen, withoutApproval(), BUILD), deployed);
        RecordingSink.await(deployed::ended, LIMIT, "the deploy's end");

        // when
        boolean otherBuildFinds =
                RolloutCalls.rollbackTarget(host, SHOP, "shop/main#8").isPresent();
        String found = RolloutCalls.rollbackTarget(host, SHOP, BUILD).orElseThrow();
        RecordingSink rolledBack = new RecordingSink();
        RolloutCalls.rollback(host, found, "smoke tests failed after the deploy", "shop/main#7", rolledBack);
        RecordingSink.await(rolledBack::ended, LIMIT, "the rollback's end");

        // then
        assertThat(otherBuildFinds).isFalse();
        assertThat(found).isEqualTo(id);
        assertThat(rolledBack.endings).containsExactly("succeeded");
        assertThat(rolledBack.value)
                .containsEntry("status", "ROLLED_BACK")
                .containsKeys("timeToRestore", "timeToRestoreMillis");
        assertThat((String) rolledBack.value.get("reason")).contains("smoke tests failed after the deploy");
        assertThat(target.stable().version()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRefuseARefTheEnvironmentDoesNotAllowBeforeTouchingAnything() {
        // given
        GenesisDeployStep blueGreen = step("blueGreen");
        RolloutRequest fromFeature = DeployTranslation.request(
                blueGreen,
                withoutApproval(),
                SandboxTargets.targetSpec(),
                new BuildFacts(BUILD, "bob", "bob", Map.of("BRANCH_NAME", "feature/x")),
                DeployFixtures.NO_HISTORY);
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();

        // when
        RolloutCalls.deploy(host, KEY, fromFeature, sink);
        RecordingSink.await(sink::ended, LIMIT, "the refusal");

        // then
        assertThat(sink.endings).containsExactly("failed");
        assertThat(sink.failure).contains("feature/x");
        assertThat(host.started(KEY)).isFalse();
        assertThat(target.stable().version()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRollBackARolloutWhoseBuildIsGoneWhenTheControllerStarts() {
        // given: a rollout waiting for approval, and a controller that stops
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost before = host();
        RecordingSink sink = new RecordingSink();
        String id = RolloutCalls.deploy(before, KEY, request(blueGreen, production(), BUILD), sink);
        RecordingSink.await(() -> sink.said("waiting for approval"), LIMIT, "the approval prompt");
        before.close();

        // when: the build was deleted meanwhile
        RolloutHost after = host();
        List<String> lines = after.reconcile(build -> !build.equals(BUILD));
        RecordingSink.await(() -> after.record(id).isPresent(), LIMIT, "the record");

        // then
        assertThat(lines).anyMatch(line -> line.contains(id) && line.contains("no longer exists"));
        assertThat(after.record(id).orElseThrow().reason()).contains("its build " + BUILD + " no longer exists");
        assertThat(unwatched)
                .as("nobody waited for it: its record went to whoever shows it")
                .extracting(DeploymentRecord::id)
                .contains(id);
        assertThat(target.stable().version()).isEqualTo("1.0.0");
    }

    @Test
    void shouldCloseARolloutWhoseStateFileWasCutWhenTheControllerStarts() throws IOException {
        // given: a rollout waiting for approval, a controller that stops, and its state file cut short
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost before = host();
        RecordingSink sink = new RecordingSink();
        String id = RolloutCalls.deploy(before, KEY, request(blueGreen, production(), BUILD), sink);
        RecordingSink.await(() -> sink.said("waiting for approval"), LIMIT, "the approval prompt");
        before.close();
        Path file = state.resolve("rollouts").resolve(id + ".json");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));

        // when
        RolloutHost after = host();
        List<String> lines = after.reconcile(build -> true);

        // then
        assertThat(lines).anyMatch(line -> line.startsWith("closed rollout " + id + " (" + SHOP + ") FAILED"));
        assertThat(after.record(id).orElseThrow().reason()).startsWith("closed unfinished by genesis");
        assertThat(new FileRolloutLock(state.resolve("locks")).current(SHOP)).isEmpty();
        assertThat(file).doesNotExist();
    }

    /**
     * The body of {@code genesisDeploy} as the rollout's pre-traffic hook: started when the candidate is
     * deployed and before any traffic, with the candidate's own address; its failure rolls back.
     */
    @Test
    void shouldRollBackBeforeAnyTrafficWhenTheStepsBodyFails() {
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        List<io.genesis.core.hook.HookContext> started = new CopyOnWriteArrayList<>();
        RolloutRequest request = request(blueGreen, withoutApproval(), BUILD)
                .withHook(io.genesis.core.hook.Hook.hosted(
                        io.genesis.core.hook.HookPhase.PRE_TRAFFIC, PipelineBodies.BODY, null));

        String id = RolloutCalls.deploy(host, KEY, request, sink);
        host.bodies().waiting(id, context -> {
            started.add(context);
            // The body runs on the Pipeline; here it fails as `sh 'pytest ...'` would, from another thread.
            new Thread(() -> host.bodies().ended(id, new RuntimeException("script returned exit code 1"))).start();
            return () -> {};
        });
        RecordingSink.await(sink::ended, LIMIT, "the rollout's end");

        assertThat(started).singleElement().satisfies(context -> {
            assertThat(context.variables().get("GENESIS_PREVIEW_URL")).startsWith("http://127.0.0.1:");
            assertThat(context.variables()).containsEntry("GENESIS_VERSION", "2.0.0");
        });
        DeploymentRecord record = sink.records.get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.hooks()).singleElement().satisfies(hook -> {
            assertThat(hook.hook()).isEqualTo("the genesisDeploy body");
            assertThat(hook.detail()).isEqualTo("the body failed: script returned exit code 1");
        });
        assertThat(record.phases()).extracting(p -> p.kind()).doesNotContain("promote");
        assertThat(target.stable().version()).isEqualTo("1.0.0");
    }

    @Test
    void shouldRefuseACommandHookOnTheControllerWithWhatToUseInstead() {
        GenesisDeployStep blueGreen = step("blueGreen");
        blueGreen.setShifts("100");
        RolloutHost host = host();
        RecordingSink sink = new RecordingSink();
        RolloutRequest request = request(blueGreen, withoutApproval(), BUILD)
                .withHook(io.genesis.core.hook.Hook.command(io.genesis.core.hook.HookPhase.PRE_TRAFFIC, "id"));

        RolloutCalls.deploy(host, KEY, request, sink);
        RecordingSink.await(sink::ended, LIMIT, "the rollout's end");

        DeploymentRecord record = sink.records.get(0);
        assertThat(record.status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(record.hooks().get(0).detail())
                .startsWith("could not start: command hooks do not run here")
                .contains("give genesisDeploy a body, which runs on an agent");
    }

    @Test
    void shouldKeepRecordsInTheIndexedStoreByApplicationEnvironmentAndJob() {
        GenesisDeployStep rolling = step("rolling");
        RolloutHost host = host();
        RecordingSink deployed = new RecordingSink();
        String id = RolloutCalls.deploy(host, KEY, request(rolling, withoutApproval(), BUILD), deployed);
        RecordingSink.await(deployed::ended, LIMIT, "the deploy's end");

        HistoryPage ofJob = host.history().page(HistoryQuery.of(SHOP, 20).ofJob("shop/main"));

        assertThat(ofJob.records()).extracting(DeploymentRecord::id).containsExactly(id);
        assertThat(host.history()
                        .page(HistoryQuery.of(SHOP, 20).ofJob("shop/other"))
                        .records())
                .isEmpty();
        assertThat(state.resolve(RolloutHost.RECORDS).resolve("records.jsonl")).exists();
        assertThat(state.resolve("history.jsonl")).doesNotExist();
        assertThat(host.running(SHOP)).map(DeploymentRecord::id).contains(id);
    }

    @Test
    void shouldMoveTheRecordsOfAnOlderControllerIntoTheIndexedStoreOnce() throws IOException {
        // given: a controller that kept its records in one history.jsonl
        JsonLinesHistoryStore legacy = new JsonLinesHistoryStore(state.resolve("history.jsonl"));
        DeploymentRecord old = new DeploymentRecord(
                "j-old",
                "shop",
                "production",
                "1.0.0",
                COMMIT,
                "branch main",
                "shop/main#3",
                "rolling",
                "bob",
                "sandbox",
                Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-01T10:05:00Z"),
                RecordStatus.SUCCEEDED,
                "all steps completed",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                "bob");
        legacy.append(old);

        // when
        RolloutHost host = host();
        List<String> lines = host.reconcile(build -> true);
        host.close();
        List<String> again = host().reconcile(build -> true);

        // then
        assertThat(lines)
                .anyMatch(line -> line.startsWith("moved 1 deployment record from " + state.resolve("history.jsonl")));
        assertThat(again).noneMatch(line -> line.startsWith("moved"));
        assertThat(host.history()
                        .page(HistoryQuery.of(SHOP, 20).ofJob("shop/main"))
                        .records())
                .containsExactly(old);
        assertThat(host.running(SHOP)).contains(old);
        assertThat(state.resolve("history.jsonl")).doesNotExist();
        assertThat(state.resolve("history.jsonl.migrated")).exists();
    }
}
