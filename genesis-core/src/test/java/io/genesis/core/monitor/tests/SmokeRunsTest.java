package io.genesis.core.monitor.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke-test command a {@code tests} source runs itself: a real {@code sh} script in a temporary
 * directory writing real JUnit XML, while the samples' time comes from a {@link ManualClock}. The
 * tests wait for a real process only until it ends, never for a window.
 */
class SmokeRunsTest {

    private static final Duration SAMPLE = Duration.ofMinutes(1);
    private static final Duration PROCESS_BOUND = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private TestReportSource source;

    @AfterEach
    void stopRunsLeft() {
        if (source != null) {
            source.stopCommand();
        }
    }

    /** A source running {@code script} (written to smoke.sh), with {@code extra} settings. */
    private TestReportSource source(String script, Map<String, String> extra) throws IOException {
        Files.writeString(work.resolve("smoke.sh"), script);
        Map<String, String> settings = new HashMap<>(
                Map.of("directory", work.toString(), "reports", "smoke/*.xml", "command", "sh ./smoke.sh"));
        settings.putAll(extra);
        source = new TestReportSource(TestReportSettings.from(new MetricSpec("tests", settings)));
        return source;
    }

    /** A script writing a report of {@code passed} passing and {@code failed} failing tests, then exiting {@code exit}. */
    private static String writing(int passed, int failed, int exit) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < passed; i++) {
            cases.append("<testcase classname=\"shop.Smoke\" name=\"passes")
                    .append(i)
                    .append("\"/>");
        }
        for (int i = 0; i < failed; i++) {
            cases.append("<testcase classname=\"shop.Smoke\" name=\"fails")
                    .append(i)
                    .append("\"><failure message=\"503\">checkout answered 503</failure></testcase>");
        }
        return "mkdir -p smoke\ncat > smoke/TEST-smoke.xml <<'XML'\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"smoke\" tests=\"" + (passed + failed) + "\" failures=\"" + failed
                + "\" errors=\"0\" skipped=\"0\">" + cases + "</testsuite>\nXML\nexit " + exit + "\n";
    }

    /** Samples the window that ends now and started one sample interval ago. */
    private MetricReadings sample() {
        Instant now = clock.instant();
        return source.sample(new MetricWindow(now.minus(SAMPLE), now));
    }

    private void awaitRunEnd() throws InterruptedException {
        assertThat(source.runs().orElseThrow().awaitEnd(PROCESS_BOUND))
                .as("the smoke command ended")
                .isTrue();
    }

    @Test
    void shouldStartTheCommandWithoutWaitingAndReadItsReportAtTheNextSample() throws Exception {
        source(writing(49, 1, 0), Map.of());

        // when: the first sample starts the run and returns at once, with nothing to show yet
        MetricReadings first = sample();
        awaitRunEnd();
        clock.advance(SAMPLE);
        MetricReadings second = sample();

        // then
        assertThat(first.values()).isEmpty();
        assertThat(second.value(Metric.TEST_PASS_RATE)).hasValue(98.0);
        assertThat(source.describe()).contains("the command the watch runs");
    }

    @Test
    void shouldJudgeACommandThatFailedByTheReportItWrote() throws Exception {
        source(writing(3, 1, 1), Map.of());

        sample();
        awaitRunEnd();
        clock.advance(SAMPLE);

        assertThat(sample().value(Metric.TEST_PASS_RATE)).hasValue(75.0);
    }

    @Test
    void shouldBeInconclusiveWhenTheCommandWroteNoReportEvenIfAnOldOneIsThere() throws Exception {
        // given: a report from before the run, all green, which the run does not rewrite
        Files.createDirectories(work.resolve("smoke"));
        Files.writeString(work.resolve("smoke/TEST-old.xml"), """
                <testsuite name="smoke" tests="1"><testcase classname="a" name="b"/></testsuite>
                """);
        source("exit 0\n", Map.of());

        sample();
        awaitRunEnd();
        clock.advance(SAMPLE);

        assertThatThrownBy(this::sample)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without writing a report matching 'smoke/*.xml'");
    }

    @Test
    void shouldBeInconclusiveWhenNoTestRan() throws Exception {
        source(writing(0, 0, 0), Map.of());

        sample();
        awaitRunEnd();
        clock.advance(SAMPLE);

        assertThatThrownBy(this::sample).hasMessageContaining("shows no executed test");
    }

    @Test
    void shouldStopARunPastItsTimeoutWithEverythingItStartedAndSayWhy() throws Exception {
        source("sleep 30 &\nwait\n", Map.of("every", "10m", "timeout", "2m"));
        sample();
        Process run = source.runs().orElseThrow().current().orElseThrow();

        // when: one sample while it runs, within the timeout, then one past it
        clock.advance(SAMPLE);
        MetricReadings running = sample();
        List<ProcessHandle> started = run.descendants().toList();
        clock.advance(Duration.ofMinutes(2));

        // then
        assertThat(running.values()).isEmpty();
        assertThatThrownBy(this::sample).hasMessageContaining("ran past its timeout (2 min) and was stopped");
        assertThat(run.waitFor(PROCESS_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle process : started) {
            process.onExit().get(PROCESS_BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(process.isAlive())
                    .as("process %s the run started", process.pid())
                    .isFalse();
        }
    }

    @Test
    void shouldKeepTheLastReadingWhileTheNextRunIsUnderWay() throws Exception {
        // given: a first run that passes all; the next one will hang until the source stops it
        source(writing(10, 0, 0), Map.of("every", "10m", "timeout", "2m"));
        sample();
        awaitRunEnd();
        clock.advance(SAMPLE);
        assertThat(sample().value(Metric.TEST_PASS_RATE)).hasValue(100.0);
        Files.writeString(work.resolve("smoke.sh"), "sleep 30\n");

        // when: the next run is due and under way
        clock.advance(Duration.ofMinutes(9));
        MetricReadings started = sample();
        clock.advance(SAMPLE);
        MetricReadings underWay = sample();

        // then: the last completed run's reading stands, as it is younger than every + timeout
        assertThat(started.value(Metric.TEST_PASS_RATE)).hasValue(100.0);
        assertThat(underWay.value(Metric.TEST_PASS_RATE)).hasValue(100.0);
        assertThat(source.runs().orElseThrow().awaitEnd(Duration.ZERO))
                .as("the second run is still under way")
                .isFalse();
    }

    @Test
    void shouldNotStartARunBeforeItIsDue() throws Exception {
        source("echo run >> runs.log\n" + writing(1, 0, 0), Map.of("every", "10m", "timeout", "2m"));
        sample();
        awaitRunEnd();

        // when: samples before the next run is due
        for (int i = 0; i < 5; i++) {
            clock.advance(SAMPLE);
            assertThat(sample().value(Metric.TEST_PASS_RATE)).hasValue(100.0);
            awaitRunEnd();
        }

        // then: one run only; the next starts when due
        assertThat(Files.readAllLines(work.resolve("runs.log"))).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        sample();
        awaitRunEnd();
        assertThat(Files.readAllLines(work.resolve("runs.log"))).hasSize(2);
    }

    @Test
    void shouldRefuseCommandSettingsThatDoNotHoldNamingTheSetting() {
        assertThatThrownBy(() -> TestReportSettings.from(new MetricSpec(
                        "tests",
                        Map.of("reports", "smoke/*.xml", "command", "./smoke.sh", "every", "1m", "timeout", "5m"))))
                .hasMessage("tests setting 'timeout' (5 min) must not be longer than 'every' (1 min); fix: shorten"
                        + " the timeout or run the command less often");
        assertThatThrownBy(() -> TestReportSettings.from(
                        new MetricSpec("tests", Map.of("reports", "smoke/*.xml", "every", "10m"))))
                .hasMessageStartingWith("tests settings 'every' and 'timeout' bound a 'command'");
        assertThatThrownBy(() -> TestReportSettings.from(
                        new MetricSpec("tests", Map.of("reports", "smoke/*.xml", "command", " "))))
                .hasMessageStartingWith("tests setting 'command' is blank");
    }

    @Test
    void shouldKeepTheCommandSettingsInTheStoredSpec() {
        MetricSpec spec = new MetricSpec(
                "tests", Map.of("reports", "smoke/*.xml", "command", "./smoke.sh", "every", "10m", "timeout", "90s"));

        TestReportSettings settings =
                TestReportSettings.from(TestReportSettings.from(spec).spec());

        assertThat(settings.command()).hasValue("./smoke.sh");
        assertThat(settings.every()).hasValue(Duration.ofMinutes(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
    }
}
