package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release guide's way to production, as {@code genesis demo --release} tells it with the real commands
 * on the sandbox: its output and, above all, the history it leaves must tell the story.
 */
class ReleaseDemoITest {

    @TempDir
    Path state;

    @Test
    void shouldRefuseProductionStopABrokenCandidateBeforeTrafficAndRecordTheBypass() {
        Host host =
                new Host(Clock.systemUTC(), TargetKinds::builtIn, Optional.empty(), "tester", Duration.ofMillis(50));

        Run run = Run.on(host, "demo", "--release", "--state-dir", state.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("genesis gate: recorded PASSED for commit "
                        + Demo.commitOf("1.4.0").substring(0, 7) + " against production's bar")
                .contains("production requires a successful deployment in staging")
                .contains("smoke: POST http://127.0.0.1:")
                .contains("smoke: 3 of 3 requests to http://127.0.0.1:")
                .contains("genesis demo --release: as expected");
        List<DeploymentRecord> records =
                new JsonLinesHistoryStore(state.resolve("history.jsonl")).all(HistoryQuery.newest(1));
        assertThat(records)
                .extracting(DeploymentRecord::version, DeploymentRecord::environment, DeploymentRecord::status)
                .containsExactly(
                        tuple("1.4.2", "production", RecordStatus.SUCCEEDED),
                        tuple("1.4.1", "production", RecordStatus.SUCCEEDED),
                        tuple("1.4.1", "staging", RecordStatus.SUCCEEDED),
                        tuple("1.4.0", "staging", RecordStatus.ROLLED_BACK));
        DeploymentRecord broken = records.get(3);
        assertThat(broken.hooks())
                .singleElement()
                .satisfies(hook -> assertThat(hook.detail()).contains("exit code 1"));
        // Rolled back before the first traffic weight: no weight step ever ran for the broken candidate.
        assertThat(broken.phases()).noneMatch(phase -> phase.kind().equals("weight"));
        DeploymentRecord fixed = records.get(1);
        assertThat(fixed.approvals())
                .singleElement()
                .satisfies(approval -> assertThat(approval.by()).isEqualTo("release-manager"));
        assertThat(fixed.hooks()).anySatisfy(hook -> assertThat(hook.phase()).isEqualTo("beforeDeploy"));
        assertThat(records.get(0).notes())
                .anySatisfy(note -> assertThat(note)
                        .startsWith("promotion path bypassed with --force: INC-42: checkout down, staging"
                                + " unavailable"));
    }
}
