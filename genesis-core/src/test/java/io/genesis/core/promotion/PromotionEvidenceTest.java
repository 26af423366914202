package io.genesis.core.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.gate.Verdict;
import io.genesis.core.gate.record.FileGateRecordStore;
import io.genesis.core.gate.record.GateRecord;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.InMemoryHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.monitor.AnalysisThresholds;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PromotionPath;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.target.Version;
import io.genesis.core.time.ManualClock;
import io.genesis.core.watch.InMemoryWatchStore;
import io.genesis.core.watch.WatchId;
import io.genesis.core.watch.WatchRequest;
import io.genesis.core.watch.WatchStage;
import io.genesis.core.watch.WatchState;
import io.genesis.core.watch.WatchVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Passed" as more than a successful deployment: a gate for the same commit, a watch that ended healthy. */
class PromotionEvidenceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String COMMIT = "abc1234def5678abc1234def5678abc1234def56";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryHistoryStore history = new InMemoryHistoryStore();
    private final InMemoryWatchStore watches = new InMemoryWatchStore();
    private final Environment production = Environments.defaults().named("production");

    private void deployedToStaging() {
        history.append(new DeploymentRecord(
                "r-1",
                "shop",
                "staging",
                "1.2.3",
                COMMIT,
                null,
                null,
                "rolling",
                "ci",
                null,
                T0,
                T0,
                RecordStatus.SUCCEEDED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private void watched(String id, WatchVerdict verdict, Instant started) {
        WatchRequest request = WatchRequest.of(
                new DeploymentKey("shop", "staging"),
                new Version("1.2.3"),
                "r-1",
                MetricSpec.of("scripted"),
                AnalysisThresholds.defaults(),
                Duration.ofHours(2),
                "ci");
        WatchState.Outcome outcome = verdict == null ? null : new WatchState.Outcome(verdict, "measured", started);
        watches.save(new WatchState(
                WatchId.of(id),
                0,
                request,
                "host",
                started,
                started,
                started.plus(Duration.ofHours(2)),
                verdict == null ? WatchStage.WATCHING : WatchStage.ENDED,
                new WatchState.Sampling(started, started, null, 0, 0),
                List.of(),
                null,
                outcome));
    }

    @Test
    void shouldRequireAPassingGateForTheSameCommit() {
        FileGateRecordStore gates = new FileGateRecordStore(dir);
        PromotionCheck check = new PromotionCheck(history, clock, gates, watches);
        Environment gated = production.withPromotion(new PromotionPath(List.of("staging"), Duration.ZERO, true, false));
        deployedToStaging();

        assertThatThrownBy(() -> check.check(gated, "shop", "1.2.3", COMMIT, false, null, "--force", "--reason"))
                .isInstanceOf(PromotionRefusedException.class)
                .hasMessage("shop 1.2.3 may not go to production yet: production requires a passing gate for the"
                        + " same commit, and no gate was recorded for commit abc1234 against production's bar; fix:"
                        + " deploy it there first and let it succeed and run the gate for this commit and"
                        + " environment, or bypass the promotion path with --force --reason TEXT");

        gates.save(new GateRecord(COMMIT, "production", "1.2.3", Verdict.FAILED, T0, "ci", List.of(), List.of(), 0));
        assertThat(check.missing(gated, "shop", "1.2.3", COMMIT))
                .containsExactly("production requires a passing gate for the same commit, and the gate for commit"
                        + " abc1234 against production's bar ended FAILED at 2026-03-02T10:00:00Z");

        gates.save(new GateRecord(COMMIT, "staging", "1.2.3", Verdict.PASSED, T0, "ci", List.of(), List.of(), 0));
        assertThat(check.missing(gated, "shop", "1.2.3", COMMIT)).hasSize(1);

        gates.save(new GateRecord(
                COMMIT, "production", "1.2.3", Verdict.PASSED, T0.plusSeconds(5), "ci", List.of(), List.of(), 0));
        assertThat(check.missing(gated, "shop", "1.2.3", COMMIT.substring(0, 7)))
                .isEmpty();
        assertThat(check.missing(gated, "shop", "1.2.3", null))
                .containsExactly("production requires a passing gate for the same commit, and the commit deployed is"
                        + " not known; name it");
    }

    @Test
    void shouldCountAMissingStoreAsMissingNeverAsPassed() {
        PromotionCheck deploymentsOnly = new PromotionCheck(history, clock);
        Environment strict = production.withPromotion(new PromotionPath(List.of("staging"), Duration.ZERO, true, true));
        deployedToStaging();

        assertThat(deploymentsOnly.missing(strict, "shop", "1.2.3", COMMIT))
                .containsExactly(
                        "production requires the post-deploy watch of 1.2.3 in staging to have ended HEALTHY, and no"
                                + " watch records are kept here to show it",
                        "production requires a passing gate for the same commit, and no gate records are kept here"
                                + " to show it");
    }

    @Test
    void shouldRequireAWatchThatEndedHealthyWhereThePathAsks() {
        PromotionCheck check = new PromotionCheck(history, clock, new FileGateRecordStore(dir), watches);
        Environment watched =
                production.withPromotion(new PromotionPath(List.of("staging"), Duration.ZERO, false, true));
        deployedToStaging();

        assertThat(check.missing(watched, "shop", "1.2.3", COMMIT))
                .containsExactly("production requires the post-deploy watch of 1.2.3 in staging to have ended HEALTHY,"
                        + " and it was never watched there");

        watched("w-1", WatchVerdict.ROLLED_BACK, T0);
        watched("w-2", null, T0.plusSeconds(60));
        assertThat(check.missing(watched, "shop", "1.2.3", COMMIT))
                .containsExactly("production requires the post-deploy watch of 1.2.3 in staging to have ended HEALTHY,"
                        + " and its watch is still running (until 2026-03-02T12:01:00Z)");

        watched("w-3", WatchVerdict.HEALTHY, T0.plusSeconds(120));
        assertThat(check.missing(watched, "shop", "1.2.3", COMMIT)).isEmpty();
        assertThat(check.check(watched, "shop", "1.2.3", COMMIT, false, null, "--force", "--reason"))
                .isEmpty();
    }

    @Test
    void shouldRefuseAWatchRequirementWithNothingToWatch() {
        assertThatThrownBy(() -> new PromotionPath(List.of(), Duration.ZERO, false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requiresHealthyWatch needs environments in requiresPassed");
    }
}
