package io.genesis.core.monitor.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genesis.core.monitor.Metric;
import io.genesis.core.monitor.MetricReadings;
import io.genesis.core.monitor.MetricSpec;
import io.genesis.core.monitor.MetricWindow;
import io.genesis.core.monitor.sources.MetricSources;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post-deploy test pass rate from real JUnit XML files on disk, their times set as a scheduled
 * smoke job would leave them: the newest report written since the previous sample counts, nothing
 * else does.
 */
class TestReportSourceTest {

    private static final Instant PREVIOUS_SAMPLE = Instant.parse("2026-12-07T10:00:00Z");
    private static final MetricWindow WINDOW =
            new MetricWindow(PREVIOUS_SAMPLE, PREVIOUS_SAMPLE.plus(Duration.ofMinutes(15)));

    @TempDir
    Path results;

    private TestReportSource source() {
        MetricSpec spec = new MetricSpec(
                "tests", Map.of("directory", results.toString(), "reports", "smoke/*.xml", "maxBytes", "4096"));
        return (TestReportSource) MetricSources.open(MetricSources.check(spec), HttpClient.newHttpClient(), name -> {
                    throw new AssertionError("a tests source needs no secret");
                })
                .orElseThrow();
    }

    /** A Surefire-style report with {@code passed} passing and {@code failed} failing tests, written at {@code at}. */
    private Path report(String name, int passed, int failed, Instant at) throws IOException {
        StringBuilder xml = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"smoke\" tests=\"")
                .append(passed + failed)
                .append("\" failures=\"")
                .append(failed)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (int i = 0; i < passed; i++) {
            xml.append("  <testcase classname=\"shop.Smoke\" name=\"passes")
                    .append(i)
                    .append("\"/>\n");
        }
        for (int i = 0; i < failed; i++) {
            xml.append("  <testcase classname=\"shop.Smoke\" name=\"fails")
                    .append(i)
                    .append("\"><failure message=\"503\">checkout answered 503</failure></testcase>\n");
        }
        xml.append("</testsuite>\n");
        Path file = results.resolve("smoke").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml);
        Files.setLastModifiedTime(file, FileTime.from(at));
        return file;
    }

    @Test
    void shouldGiveThePassRateOfTheNewestReportWrittenSinceThePreviousSample() throws IOException {
        // given: an older run (all passed) and the newest one (49 of 50 passed), both since the last sample
        report("TEST-run-1.xml", 50, 0, PREVIOUS_SAMPLE.plus(Duration.ofMinutes(1)));
        report("TEST-run-2.xml", 49, 1, PREVIOUS_SAMPLE.plus(Duration.ofMinutes(10)));

        // when
        MetricReadings readings = source().sample(WINDOW);

        // then
        assertThat(readings.value(Metric.TEST_PASS_RATE)).hasValue(98.0);
        assertThat(source().metrics()).containsExactly(Metric.TEST_PASS_RATE);
    }

    @Test
    void shouldPassOverAReportOlderThanThePreviousSample() throws IOException {
        // given: the only report predates the previous sample (a run of the version before, or one already judged)
        report("TEST-run-1.xml", 10, 0, PREVIOUS_SAMPLE.minus(Duration.ofSeconds(1)));

        // when
        MetricReadings readings = source().sample(WINDOW);

        // then: no data, never healthy
        assertThat(readings.values()).isEmpty();
    }

    @Test
    void shouldHaveNoDataWithoutAnyReport() throws IOException {
        Files.createDirectories(results.resolve("smoke"));

        assertThat(source().sample(WINDOW).values()).isEmpty();
    }

    @Test
    void shouldHaveNoDataWhenNoTestRan() throws IOException {
        report("TEST-empty.xml", 0, 0, PREVIOUS_SAMPLE.plus(Duration.ofMinutes(1)));

        assertThat(source().sample(WINDOW).values()).isEmpty();
    }

    @Test
    void shouldRefuseAReportLargerThanTheBoundNamingIt() throws IOException {
        report("TEST-huge.xml", 200, 0, PREVIOUS_SAMPLE.plus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> source().sample(WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("tests: ")
                .hasMessageContaining("smoke/TEST-huge.xml");
    }

    @Test
    void shouldRefuseATornReportNamingIt() throws IOException {
        Path torn = report("TEST-run-1.xml", 3, 0, PREVIOUS_SAMPLE);
        Files.writeString(torn, Files.readString(torn).substring(0, 120));
        Files.setLastModifiedTime(torn, FileTime.from(PREVIOUS_SAMPLE.plus(Duration.ofMinutes(2))));

        assertThatThrownBy(() -> source().sample(WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("smoke/TEST-run-1.xml");
    }

    @Test
    void shouldRefuseSettingsThatDoNotReadNamingTheSetting() {
        assertThatThrownBy(() -> TestReportSettings.from(new MetricSpec("tests", Map.of("reports", "/etc/*.xml"))))
                .hasMessageStartingWith("tests setting 'reports': report pattern '/etc/*.xml' is absolute");
        assertThatThrownBy(() -> TestReportSettings.from(
                        new MetricSpec("tests", Map.of("reports", "smoke/*.xml", "maxBytes", "0"))))
                .hasMessageStartingWith("tests setting 'maxBytes' must be from 1 to ");
        assertThatThrownBy(() -> TestReportSettings.from(
                        new MetricSpec("tests", Map.of("reports", "smoke/*.xml", "schedule", "10m"))))
                .hasMessage(
                        "tests settings [schedule] are not known; known: [command, directory, every, maxBytes, reports, timeout]");
    }
}
