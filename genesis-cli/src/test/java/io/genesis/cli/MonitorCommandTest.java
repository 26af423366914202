package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.monitor.Metric;
import io.genesis.core.watch.WatchVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

    private static final String KEEP_PREVIOUS = "deploy; smoke; weight 50; weight 100; promote; scaleDown 1h";

    @TempDir
    Path state;

    @TempDir
    Path policyDir;

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

    /** staging watched an hour; when protected, measured by the trusted policy's own source. */
    private Path policy(boolean protect) throws IOException {
        String protection = protect ? """
                    protected: true
                    metrics: {kind: probe, url: "http://127.0.0.1:9/healthz"}
                """ : "";
        return Files.writeString(policyDir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    watchHours: 1
                """ + protection);
    }

    private void critical() {
        recording.metrics.script(window -> Map.of(
                Metric.ERROR_RATE, 7.5,
                Metric.LATENCY_P95, 120.0,
                Metric.AVAILABILITY, 99.99));
    }

    @Test
    void shouldWatchForTheEnvironmentsWatchHoursWhenForIsLeftOut() throws IOException {
        // given: the running version, and a trusted policy that watches staging for an hour
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);
        critical();
        Instant before = Instant.now();

        // when: no window asked for
        Run run = monitor("--policy", policy(false).toString(), "--sample-interval", "100ms");
        Instant after = Instant.now();

        // then: it watched until an hour after it started (and rolled back on the critical sample)
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Matcher until = Pattern.compile("watching version 1\\.3\\.0 of shop in staging until (\\S+) (\\S+Z)")
                .matcher(run.out());
        assertThat(until.find()).as(run.out()).isTrue();
        // shown to the second
        assertThat(Instant.parse(until.group(1) + "T" + until.group(2)))
                .isBetween(
                        before.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1)),
                        after.plus(Duration.ofHours(1)));
    }

    /** staging, not watched by itself, with its own watch thresholds. */
    private Path thresholds(String section) throws IOException {
        return Files.writeString(policyDir.resolve("thresholds.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    watchThresholds:
                """ + section.indent(6));
    }

    @Test
    void shouldJudgeByTheEnvironmentsWatchThresholds() throws IOException {
        // given: 7.5 % errors, critical by the release guide, only a warning by staging's own thresholds
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);
        critical();
        Path policy = thresholds("errorRate: {warning: 5, critical: 10, rollback: 20}\nrecoverySamples: 3\n");

        // when
        Run run = monitor("--policy", policy.toString(), "--for", "1s", "--sample-interval", "200ms");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("incident 1 opened (warning): error rate 7.50 % > 5.00 %")
                .contains("HEALTHY");
        assertThat(recording.target.stable()).isEqualTo("1.3.0");
    }

    @Test
    void shouldRefuseASampleIntervalLongerThanTheEnvironmentsAndABadThresholdWithItsLine() throws IOException {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);

        Run slower = monitor(
                "--policy", thresholds("sampleInterval: 1s\n").toString(), "--for", "1h", "--sample-interval", "2s");
        Run unknown = monitor("--policy", thresholds("cpu: {warning: 80}\n").toString(), "--for", "1h");

        assertThat(slower.exitCode()).isEqualTo(2);
        assertThat(slower.err())
                .contains("genesis monitor: --sample-interval 2s samples less often than the environment's"
                        + " watchThresholds allow (every 1 s)");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("thresholds.yaml, line 7")
                .contains("environments[0] (staging): watchThresholds.cpu is not a watch threshold; fix: use one of"
                        + " errorRate,");
    }

    @Test
    void shouldRefuseAWindowShorterThanTheEnvironmentsWithTheFix() throws IOException {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);

        Run run = monitor("--policy", policy(false).toString(), "--for", "30m");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis monitor: --for '30m' would shorten staging's post-deploy watch of 1 h, and a call"
                        + " may only lengthen it; fix: leave --for out, or give 1 h or more");
    }

    @Test
    void shouldAskForAWindowWhereTheEnvironmentWatchesNothing() {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);

        Run run = monitor();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis monitor: staging has no post-deploy watch (watchHours is 0); fix: give --for such"
                        + " as '2h', or set watchHours for staging");
    }

    @Test
    void shouldRefuseASourceReplacingAProtectedEnvironmentsConfiguredOne() throws IOException {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);

        Run run = monitor("--policy", policy(true).toString(), "--probe-url", "http://127.0.0.1:9/elsewhere");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("genesis monitor: staging is protected and its metric source comes from its configuration,"
                        + " which a call may not replace; fix: leave the call's metric source out");
        assertThat(recording.target.stable()).isEqualTo("1.3.0");
    }

    @Test
    void shouldWarnAboutATornHistoryLineLikeTheOtherCommands() throws IOException {
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);
        Files.writeString(state.resolve("history.jsonl"), "{\"id\":\"r-torn\",\"appli", StandardOpenOption.APPEND);
        critical();

        Run run = monitor("--for", "1h", "--sample-interval", "100ms");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("genesis monitor: warning: history.jsonl line 2 skipped: torn last line");
    }

    @Test
    void shouldRollBackOnTheSmokeTestsPassRateFromTheEnvironmentsTestsSource() throws IOException {
        // given: staging measured by the newest smoke-test report, in which half the tests failed
        recording.deployToStaging(state, "shop", "1.3.0", KEEP_PREVIOUS);
        Path report =
                Files.createDirectories(policyDir.resolve("results/smoke")).resolve("TEST-smoke.xml");
        Files.writeString(report, """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="smoke" tests="2" failures="1" errors="0" skipped="0">
                  <testcase classname="shop.Smoke" name="home"/>
                  <testcase classname="shop.Smoke" name="checkout"><failure message="503">503</failure></testcase>
                </testsuite>
                """);
        // Written after the watch's first sample began, as the next run of a scheduled job would be.
        Files.setLastModifiedTime(report, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        Path policy = Files.writeString(policyDir.resolve("policy.yaml"), """
                environments:
                  - name: staging
                    minPassRate: 95
                    minCoverage: 85
                    allowedBranches: [main]
                    metrics: {kind: tests, directory: "%s", reports: "smoke/*.xml"}
                """.formatted(policyDir.resolve("results")));

        // when
        Run run = monitor("--policy", policy.toString(), "--for", "1h", "--sample-interval", "100ms");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("post-deploy test pass rate 50.00 %").contains("ROLLED_BACK");
        assertThat(recording.target.stable()).isEqualTo("1.0.0");
    }
}
