package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.CurrentDeployments;
import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.target.DeploymentKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo, in this JVM, as {@code ./genesis demo} runs it; its history must tell the story. */
class DemoITest {

    @TempDir
    Path state;

    @Test
    void shouldTellTheStoryAndRecordIt() {
        Host host =
                new Host(Clock.systemUTC(), TargetKinds::builtIn, Optional.empty(), "tester", Duration.ofMillis(50));

        Run run = Run.on(host, "demo", "--state-dir", state.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("genesis gate for staging: PASSED")
                .containsPattern(
                        "sample over 2 s \\(critical\\): error rate \\d+\\.\\d\\d % > 5\\.00 % automatic rollback")
                .contains("genesis demo: as expected");
        List<DeploymentRecord> records =
                new JsonLinesHistoryStore(state.resolve("history.jsonl")).all(HistoryQuery.newest(1));
        Map<String, DeploymentRecord> byVersion =
                records.stream().collect(Collectors.toMap(DeploymentRecord::version, Function.identity()));
        assertThat(byVersion.get("1.0.0").status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(byVersion.get("2.0.0").status()).isEqualTo(RecordStatus.ROLLED_BACK);
        // 2.0.0 fails every fourth request; a sample's window edges make the measured rate close to, not
        // exactly, 25 %. Any rate over 5 % rolls back.
        assertThat(byVersion.get("2.0.0").reason())
                .containsPattern("^automatic rollback: error rate \\d+\\.\\d\\d % > 5\\.00 % automatic rollback");
        assertThat(byVersion.get("2.0.0").restoreTime()).isPresent();
        assertThat(byVersion.get("2.0.0").strategy()).isEqualTo("canary");
        assertThat(byVersion.get("3.0.0").status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(byVersion.get("3.0.0").strategy()).isEqualTo("blueGreen");
        assertThat(byVersion.get("3.0.0").notes())
                .contains("blueGreen tuned for this rollout: shifts 10.00 % for 6 s → 50.00 % for 6 s → 100.00 % for"
                        + " 6 s; keep previous 4 s");
        assertThat(byVersion.get("3.0.0").phases())
                .anySatisfy(phase -> assertThat(phase.detail()).isEqualTo("previous version scaled down"));
        assertThat(CurrentDeployments.from(records).at(new DeploymentKey("shop", "staging")))
                .map(DeploymentRecord::version)
                .contains("3.0.0");
    }
}
