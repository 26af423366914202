package io.genesis.core.board;

import io.genesis.core.history.ApprovalRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisRun;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.SourceRef;
import io.genesis.core.rollout.RolloutId;
import io.genesis.core.rollout.RolloutRequest;
import io.genesis.core.rollout.RolloutState;
import io.genesis.core.rollout.Stage;
import io.genesis.core.rollout.plan.Capabilities;
import io.genesis.core.rollout.plan.Plan;
import io.genesis.core.rollout.plan.Strategies;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.TargetSpec;
import io.genesis.core.target.Version;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records and watches as a job's builds leave them. */
final class BoardFixtures {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private BoardFixtures() {}

    /** A record of {@code build}'s rollout {@code id}, started {@code minute} minutes after {@code T0}. */
    static DeploymentRecord record(
            String id, String application, String environment, RecordStatus status, int minute, String build) {
        return new DeploymentRecord(
                id,
                application,
                environment,
                "1.0." + minute,
                "a1b2c3d",
                "branch main",
                build,
                "blueGreen",
                "bob",
                "test",
                T0.plusSeconds(60L * minute),
                T0.plusSeconds(60L * minute + 30),
                status,
                status == RecordStatus.SUCCEEDED ? "promoted" : "error rate 7.00 % > 5.00 %",
                List.of(),
                List.of(new ApprovalRecord("alice", T0, true, "looks good", "alice@example.com")),
                List.of(),
                List.of(),
                status == RecordStatus.ROLLED_BACK ? T0 : null,
                status == RecordStatus.ROLLED_BACK ? T0.plusMillis(1200) : null,
                status == RecordStatus.ROLLED_BACK ? Duration.ofMillis(1200) : null,
                "bob");
    }

    /** A watch of {@code rolloutId} started at {@code started}; ended with {@code verdict} unless it is null. */
    static WatchState watch(String id, String rolloutId, Instant started, WatchVerdict verdict) {
        WatchRequest request = WatchRequest.of(
                new DeploymentKey("shop", "production"),
                new Version("1.0.1"),
                rolloutId,
                MetricSpec.of("scripted"),
                AnalysisThresholds.defaults(),
                Duration.ofHours(48),
                "bob");
        Instant ends = started.plus(Duration.ofHours(48));
        return new WatchState(
                WatchId.of(id),
                3,
                request,
                "engine-1",
                started.plusSeconds(90),
                started,
                ends,
                verdict == null ? WatchStage.WATCHING : WatchStage.ENDED,
                new WatchState.Sampling(started, started.plusSeconds(30), AnalysisRun.empty(), 0, 0),
                List.of(),
                null,
                verdict == null ? null : new WatchState.Outcome(verdict, "no incident in 48 h", ends));
    }

    /** The stored state of rollout {@code id} that {@code build} started, in {@code stage}. */
    static RolloutState state(String id, String build, Stage stage, int minute) {
        RolloutRequest request = RolloutRequest.builder(
                        "shop", Environments.defaults().named("production"))
                .commit("a1b2c3d4e5f6")
                .ref(SourceRef.tag("v1.2.3"))
                .target(TargetSpec.of("recording"))
                .metrics(MetricSpec.of("scripted"))
                .initiator("bob")
                .fromBuild(build)
                .build();
        Plan plan = Strategies.named("blueGreen").plan(new Capabilities("recording", true, true));
        Instant at = T0.plusSeconds(60L * minute);
        return RolloutState.queued(RolloutId.of(id), request, plan, "recording", "engine-1", at, at)
                .edit()
                .stage(stage)
                .build();
    }
}
