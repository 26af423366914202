package io.jenkins.plugins.genesis.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
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
import io.jenkins.plugins.genesis.deploy.HostDeploys;
import io.jenkins.plugins.genesis.deploy.RolloutHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job page's buttons and rows on the plugin's real engine host (file stores in a temporary
 * directory, a recording target, a simulated clock): what a press does to the engine, and what the page
 * then shows.
 */
class JobButtonsTest {

    private static final Environment PRODUCTION = new Environment(
                    "production",
                    GateThresholds.of(98, 85),
                    ApprovalPolicy.none(),
                    new RefPolicy(List.of("main"), List.of()))
            .withPromotion(PromotionPath.NONE);

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final SimulatedScheduler scheduler = new SimulatedScheduler(clock);
    private final RecordingTarget target = RecordingTarget.capable("shop", clock, "1.0.0");
    private final List<String> log = new CopyOnWriteArrayList<>();
    private RolloutHost host;

    @BeforeEach
    void open() {
        host = RolloutHost.builder()
                .directory(directory)
                .clock(clock)
                .scheduler(scheduler, null)
                .targets((key, spec) -> target)
                .metricSources(spec -> new ScriptedMetricSource())
                .approver(request -> log.add("asked " + request.rolloutId()))
                .settings(EngineSettings.defaults("ignored"))
                .build();
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void shouldShowWhatTheJobDeployedAndRollTheRunningVersionBack() {
        deploy("shop/main#1", "1.0.1");
        DeploymentRecord second = deploy("shop/main#2", "1.0.2");

        assertThat(JobViews.board(host, "shop/main")).singleElement().satisfies(row -> {
            assertThat(row.getVersion()).isEqualTo("1.0.2");
            assertThat(row.getBuildUrl()).isEqualTo("job/shop/job/main/2/");
            assertThat(row.isFromThisJob()).isTrue();
            assertThat(row.getWatch()).isEqualTo("NONE");
        });

        JobButtons.Outcome outcome =
                new JobButtons(host, "shop/main").rollback(second.id(), "", "alice", refused -> log.add(refused));
        runUntil(() -> host.record(second.id()).orElseThrow().status() == RecordStatus.ROLLED_BACK);

        assertThat(outcome.accepted()).isTrue();
        assertThat(host.record(second.id()).orElseThrow().reason()).contains("rolled back from the job page by alice");
        assertThat(JobViews.board(host, "shop/main"))
                .extracting(BoardEntry::getVersion)
                .containsExactly("1.0.1");
        assertThat(JobViews.history(host, "shop/main", 1, 20).getEntries())
                .extracting(HistoryEntry::getVersion, HistoryEntry::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.0.2", "ROLLED_BACK"),
                        org.assertj.core.groups.Tuple.tuple("1.0.1", "SUCCEEDED"));
    }

    @Test
    void shouldRefuseAnotherJobsDeploymentsWithoutTouchingThem() {
        DeploymentRecord deployed = deploy("shop/main#1", "1.0.1");

        JobButtons.Outcome outcome = new JobButtons(host, "cart").rollback(deployed.id(), "why", "alice", log::add);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.message()).contains("not by a build of cart");
        assertThat(host.record(deployed.id()).orElseThrow().status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(new JobButtons(host, "cart")
                        .releaseLock("shop", "production")
                        .message())
                .isEqualTo("no build of cart deploys shop to production; release the lock from the page of the job"
                        + " that does");
    }

    @Test
    void shouldAbortARolloutInProgressButNotPromoteOneThatWaitsForNoApproval() {
        List<DeploymentRecord> ended = new CopyOnWriteArrayList<>();
        String id = HostDeploys.deploy(host, "shop/main#3#node:5", request("shop/main#3", "1.0.3"), ended, log);
        runUntil(() -> JobViews.inProgress(host, "shop/main").stream()
                .anyMatch(row -> !row.getStatus().equals("QUEUED")));
        JobButtons buttons = new JobButtons(host, "shop/main");

        assertThat(buttons.mayPromote(id).message())
                .startsWith("rollout " + id + " is ")
                .endsWith(" and waits for no approval");
        assertThat(buttons.releaseLock("shop", "production").message())
                .startsWith("rollout " + id + " holds the lock of shop in production and is RUNNING");
        JobButtons.Outcome aborted = buttons.abort(id, "wrong version", "alice", log::add);
        runUntil(() -> !ended.isEmpty());

        assertThat(aborted.accepted()).isTrue();
        assertThat(ended.get(0).status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(ended.get(0).reason()).contains("wrong version");
        assertThat(JobViews.inProgress(host, "shop/main")).isEmpty();
        assertThat(buttons.abort(id, "", "alice", log::add).message())
                .isEqualTo("rollout " + id + " is not in progress; it may have ended meanwhile (see the history)");
        assertThat(buttons.releaseLock("shop", "production").message())
                .isEqualTo("nothing holds the lock of shop in production; there is nothing to release");
    }

    @Test
    void shouldRefuseButtonsThatNameNothing() {
        JobButtons buttons = new JobButtons(host, "shop/main");

        assertThat(buttons.rollback(" ", "", "alice", log::add).message())
                .isEqualTo("say which deployment to roll back (rolloutId)");
        assertThat(buttons.abort(null, "", "alice", log::add).message())
                .isEqualTo("say which rollout to abort (rolloutId)");
        assertThat(buttons.mayPromote("").message()).isEqualTo("say which rollout to promote (rolloutId)");
        assertThat(buttons.releaseLock("Shop!", "production").message())
                .startsWith("application name 'Shop!' is not valid");
    }

    private DeploymentRecord deploy(String build, String version) {
        List<DeploymentRecord> ended = new CopyOnWriteArrayList<>();
        HostDeploys.deploy(host, build + "#node:5", request(build, version), ended, log);
        runUntil(() -> !ended.isEmpty());
        return ended.get(0);
    }

    private static RolloutRequest request(String build, String version) {
        return RolloutRequest.builder("shop", PRODUCTION)
                .commit("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
                .ref(SourceRef.branch("main"))
                .version(new Version(version))
                .target(TargetSpec.of("recording"))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob")
                .fromBuild(build)
                .build();
    }

    private void runUntil(BooleanSupplier condition) {
        for (int i = 0; i < 100_000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            scheduler.runUntil(scheduler.next().orElseThrow(() -> new AssertionError("nothing scheduled; log " + log)));
        }
        throw new AssertionError("never happened; log " + log);
    }
}
