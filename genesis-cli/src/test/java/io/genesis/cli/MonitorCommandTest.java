package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Metric;
import io.genesis.core.watch.WatchVerdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

    private static final String KEEP_PREVIOUS = "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h";

    @TempDir
    Path state;

    private final RecordingKind recording = new RecordingKind();

    private Run monitor(String... extra) {
        String[] base = {"monitor", "--application", "shop", "--environment", "staging", "--state-dir", state.toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Run.on(recording.host(), args);
    }

    @Test
    void shouldWatchTheRunningVersionAndExitHealthyWithEverySampleShown() {
        assertThat(recording
                        .deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS)
                        .exitCode())
                .isZero();

        Run run = monitor("--for", "1s", "--sample-interval", "200ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("watching version 1.3.0 of shop in staging until")
                .contains("sample 1 ok: error rate")
                .contains("genesis monitor: shop in staging version 1.3.0 HEALTHY: ");
        assertThat(recording.target.stable()).isEqualTo("1.3.0");
        assertThat(state.resolve("watches")).isDirectory();
    }

    @Test
    void shouldRollTheRolloutBackOnACriticalSampleAndExitWithTheMeasuredValue() {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);
        recording.metrics.script(window -> Map.of(
                Metric.ERROR_RATE, 7.5,
                Metric.LATENCY_P95, 120.0,
                Metric.AVAILABILITY, 99.99));

        Run run = monitor("--for", "1h", "--sample-interval", "100ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("critical incident 1: automatic rollback: error rate 7.50 % > 5.00 % automatic rollback")
                .contains("genesis monitor: shop in staging version 1.3.0 ROLLED_BACK: automatic rollback");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }

    @Test
    void shouldSayThereIsNothingToWatchBeforeAnyDeploy() {
        Run run = monitor("--for", "1h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("genesis monitor: nothing of shop in staging runs according to " + state);
    }

    @Test
    void shouldRefuseAWindowThatDoesNotParse() {
        Run run = monitor("--for", "forever");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("genesis monitor: --for");
    }

    @Test
    void shouldExitWithOneCodePerVerdict() {
        assertThat(MonitorCommand.exitCode(WatchVerdict.HEALTHY)).isEqualTo(ExitCode.PASSED);
        assertThat(MonitorCommand.exitCode(WatchVerdict.ROLLED_BACK)).isEqualTo(ExitCode.FAILED);
        assertThat(MonitorCommand.exitCode(WatchVerdict.INCONCLUSIVE)).isEqualTo(ExitCode.UNSTABLE);
        assertThat(MonitorCommand.exitCode(WatchVerdict.SUPERSEDED)).isEqualTo(ExitCode.UNSTABLE);
        assertThat(MonitorCommand.exitCode(WatchVerdict.STOPPED)).isEqualTo(ExitCode.UNSTABLE);
    }
}
