package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import io.genesis.core.history.JsonLinesHistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.docker.testing.TestEngine;
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

/** {@code genesis demo --target docker} on the tests' private Docker engine: the same story, in containers. */
class DockerDemoITest {

    @TempDir
    Path state;

    @Test
    void shouldTellTheStoryOnDocker() {
        TestEngine engine = TestEngine.get();
        Host host =
                new Host(Clock.systemUTC(), TargetKinds::builtIn, Optional.empty(), "tester", Duration.ofMillis(50));

        Run run = Run.on(
                host,
                "demo",
                "--target",
                "docker",
                "--target-option",
                "host=" + engine.host(),
                "--state-dir",
                state.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("genesis demo: containers on " + engine.host())
                .contains("genesis gate for staging: PASSED")
                .contains("docker: 0.9.0 serves all traffic of shop in staging")
                .containsPattern("error rate \\d+\\.\\d\\d % > 5\\.00 % automatic rollback")
                .contains("traffic through the proxy:")
                .contains("genesis demo: as expected");
        List<DeploymentRecord> records =
                new JsonLinesHistoryStore(state.resolve("history.jsonl")).all(HistoryQuery.newest(1));
        Map<String, DeploymentRecord> byVersion =
                records.stream().collect(Collectors.toMap(DeploymentRecord::version, Function.identity()));
        assertThat(byVersion.get("1.0.0").status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(byVersion.get("2.0.0").status()).isEqualTo(RecordStatus.ROLLED_BACK);
        assertThat(byVersion.get("2.0.0").reason()).startsWith("automatic rollback: error rate");
        assertThat(byVersion.get("3.0.0").status()).isEqualTo(RecordStatus.SUCCEEDED);
        assertThat(byVersion.get("3.0.0").target()).contains("docker");
        assertThat(byVersion.get("3.0.0").phases())
                .anySatisfy(phase -> assertThat(phase.detail()).contains("image genesis-demo:3.0.0, sha256:"));
        // The demo removes what it started: no container of it is left on the engine.
        assertThat(engine.client().listContainers(Map.of("io.genesis.application", "shop")))
                .isEmpty();
    }
}
